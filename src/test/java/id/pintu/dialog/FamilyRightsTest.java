package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a family may do at any point, whatever the script: change language, ask for a person,
 * stop, ask for help; and what the bot does with old buttons, media and a finished conversation.
 */
class FamilyRightsTest {
  static List<String> waitingNodes() {
    return Walks.WAITING_NODES;
  }

  // ---- language --------------------------------------------------------------------------

  @Test
  void englishCommandResendsTheCurrentQuestionInEnglish() {
    Conversation c = Walks.to("first-contact/age").command("english");
    assertEquals(List.of("Alright, we'll continue in English.", "How old are you?"), c.texts());
    assertEquals("en", c.state().lang());
    c.type("34");
    assertTrue(c.said().startsWith("Did you contact us on your own"), c.said());
    assertEquals(List.of("On my own", "Sent by someone"), c.buttonLabels());
  }

  @Test
  void indonesiaCommandSwitchesBack() {
    Conversation c = Walks.to("first-contact/name").command("english").command("indonesia");
    assertEquals(List.of("Baik, kita lanjutkan dalam Bahasa Indonesia.", "Boleh kami tahu nama panggilan Anda?"), c.texts());
    assertEquals("id", c.state().lang());
  }

  @Test
  void languageButton() {
    Conversation c = Walks.to("first-contact/client_type").data("g:lang:en");
    assertEquals("en", c.state().lang());
    assertTrue(c.said().contains("Did you contact us on your own"));
    assertEquals("first-contact/client_type", c.node());
  }

  @Test
  void englishFromTheStartByLanguageHint() {
    Conversation c = Conversation.withFixtures().start("en-GB");
    assertEquals("Hello, welcome to the family consultation service.", c.texts().get(0));
  }

  @Test
  void theCrisisScriptSpeaksTheFamilysLanguage() {
    Conversation c = Walks.to("first-contact/age").command("english").type("I want to kill myself");
    assertEquals("Thank you for telling us. Your safety matters most right now.", c.texts().get(0));
    assertEquals(List.of("Yes, I'm safe", "No"), c.buttonLabels());
  }

  // ---- a person, stopping, help -----------------------------------------------------------

  @ParameterizedTest
  @MethodSource("waitingNodes")
  void konselorAtAnyPointHandsOff(String node) {
    Conversation c = Walks.to(node).command("konselor");
    assertEquals(1, c.effects(Effect.Handoff.class).size());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    assertTrue(c.said().contains("saya hubungkan Anda dengan konselor"), c.said());
    c.command("konselor");
    assertTrue(c.effects(Effect.Handoff.class).isEmpty(), "asked once is enough");
    assertTrue(c.said().contains("sudah dalam antrean"));
  }

  @Test
  void berhentiAsksFirstAndYaStops() {
    Conversation c = Walks.to("first-contact/age").command("berhenti");
    assertEquals(Pending.CONFIRM_STOP, c.state().pending());
    assertEquals(List.of("Ya, berhenti", "Tidak, lanjutkan"), c.buttonLabels());
    assertTrue(c.effects(Effect.End.class).isEmpty());
    c.type("ya");
    assertEquals(1, c.effects(Effect.End.class).size());
    assertEquals(ConversationStatus.ENDED, c.state().status());
    assertTrue(c.said().contains(Fixtures.helpContacts("id")), "emergency contacts on the way out");
  }

  @Test
  void berhentiThenTidakContinues() {
    Conversation c = Walks.to("first-contact/age").command("berhenti").type("tidak");
    assertEquals(List.of("Baik, kita lanjutkan.", "Berapa usia Anda?"), c.texts());
    assertEquals(ConversationStatus.ACTIVE, c.state().status());
    assertEquals(Pending.NONE, c.state().pending());
  }

  @Test
  void berhentiThenAnAnswerAnswersTheQuestion() {
    Conversation c = Walks.to("first-contact/age").command("berhenti").type("34");
    assertEquals("34", c.state().fields().get("age"));
  }

  @Test
  void berhentiByButtons() {
    assertEquals(ConversationStatus.ENDED, Walks.to("first-contact/age").command("berhenti").press("Ya, berhenti").state().status());
    Conversation c = Walks.to("first-contact/age").command("berhenti").press("Tidak, lanjutkan");
    assertEquals(ConversationStatus.ACTIVE, c.state().status());
    assertTrue(c.said().endsWith("Berapa usia Anda?"));
  }

  @Test
  void bantuanShowsHelpContactsThenAsksAgain() {
    Conversation c = Walks.to("first-contact/client_type").command("bantuan");
    assertEquals(2, c.texts().size());
    assertTrue(c.texts().get(0).contains("/konselor"));
    assertTrue(c.texts().get(0).contains(Fixtures.helpContacts("id")), c.texts().get(0));
    assertTrue(c.texts().get(1).startsWith("Anda menghubungi kami"));
    assertEquals("first-contact/client_type", c.node());
  }

  @Test
  void unknownCommandIsExplainedAndTheQuestionRepeated() {
    Conversation c = Walks.to("first-contact/age").command("entah");
    assertTrue(c.texts().get(0).contains("/bantuan"));
    assertEquals("Berapa usia Anda?", c.texts().get(1));
  }

  // ---- old buttons, media, the end --------------------------------------------------------

  @Test
  void staleButtonFromAnEarlierQuestion() {
    Conversation c = Walks.to("first-contact/age").data("n:how_are_you:good");
    assertEquals(List.of("Tombol itu dari pertanyaan sebelumnya. Kita lanjutkan di sini ya:", "Berapa usia Anda?"), c.texts());
    assertTrue(c.effects(Effect.Capture.class).isEmpty());
    assertEquals(0, c.state().misses(), "an old button is not a wrong answer");
  }

  @Test
  void staleSkipAndDoneButtons() {
    Conversation c = Walks.to("first-contact/age").data("g:skip:name");
    assertTrue(c.said().startsWith("Tombol itu dari pertanyaan sebelumnya"));
    assertEquals("first-contact/age", c.node());
    c = Walks.to("first-contact/menu").data("g:done:story");
    assertTrue(c.said().startsWith("Tombol itu dari pertanyaan sebelumnya"));
    assertEquals("first-contact/menu", c.node());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sticker", "photo", "voice"})
  void unsupportedMediaGetAFriendlyAnswerAndTheQuestionAgain(String what) {
    Conversation c = Walks.to("first-contact/age").media(what);
    assertEquals(2, c.texts().size());
    assertTrue(c.texts().get(0).startsWith("Terima kasih. Saya belum bisa membaca " + MediaNames.name(what, "id")), c.texts().get(0));
    assertEquals("Berapa usia Anda?", c.texts().get(1));
    assertEquals(0, c.state().misses());
  }

  @Test
  void unsupportedMediaInEnglish() {
    Conversation c = Walks.to("first-contact/age").command("english").media("voice");
    assertTrue(c.texts().get(0).startsWith("Thank you. I can't read voice notes yet"), c.texts().get(0));
  }

  @Test
  void startOnAnEndedConversationStartsAfresh() {
    Conversation c = Walks.to("first-contact/menu").press("Selesai dulu").start();
    assertEquals("first-contact/how_are_you", c.node());
    assertEquals(ConversationStatus.ACTIVE, c.state().status());
    assertTrue(c.state().fields().isEmpty(), "a new conversation");
    assertTrue(c.state().story().isEmpty());
  }

  @Test
  void startInTheMiddleCarriesOn() {
    Conversation c = Walks.to("first-contact/age").start();
    assertEquals(List.of("Kita lanjutkan dari sini ya.", "Berapa usia Anda?"), c.texts());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lewati", "entah", "english"})
  void aCommandOnAnEndedConversationIsNeverMetWithSilence(String command) {
    Conversation c = Walks.to("first-contact/menu").press("Selesai dulu").command(command);
    assertFalse(c.texts().isEmpty(), c.transcript());
  }
}
