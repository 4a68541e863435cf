package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.conversation.SessionCodec;
import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.RiskMemory;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import id.pintu.safety.Screened;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asking directly about danger: a concern brings the plain safety question; any answer but a
 * clear no takes the urgent path with the help contacts in the same step; a no lets the
 * conversation go on with the concern kept. Run on the shipped dialogs (their crisis script
 * gives the help contacts first) with a small screen of its own, so it does not depend on the
 * real lexicon, which is being rewritten.
 */
class DirectQuestionTest {
  static final ScriptBook SHIPPED = DialogFolder.read(Path.of("dialogs")).book();

  static final String SUICIDE_Q = "Saya ingin bertanya langsung, karena ini penting: apakah Anda sedang berpikir untuk mengakhiri hidup?";
  static final String HURT_Q = "apakah saat ini ada yang menyakiti Anda atau seorang anak, atau Anda sedang dalam bahaya?";
  static final String AFTER_NO = "Terima kasih sudah menjawab.";
  static final String WRITER_Q = "Anda menghubungi kami sebagai siapa?";
  static final String CRISIS_OPENING = "Keselamatan Anda yang paling utama sekarang.";

  /**
   * Concerns by category, one urgent phrase, and danger told in two pieces: a means ("tali")
   * in one message and a time ("malam ini") in a later one is urgent only with the memory.
   */
  static final CrisisScreen SCREEN = new CrisisScreen() {
    @Override
    public ScreenResult screen(String text) {
      return screen(text, RiskMemory.EMPTY).result();
    }

    @Override
    public Screened screen(String text, RiskMemory memory) {
      String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
      List<ScreenMatch> m = new ArrayList<>();
      if (t.contains("ingin mati")) m.add(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "ingin mati", "ingin mati"));
      if (t.contains("capek hidup")) m.add(new ScreenMatch("suicide_self_harm", RiskLevel.CONCERN, "capek hidup", "capek hidup"));
      if (t.contains("dia marah")) m.add(new ScreenMatch("violence_home", RiskLevel.CONCERN, "dia marah", "dia marah"));
      if (t.contains("anak sendirian")) m.add(new ScreenMatch("child_danger", RiskLevel.CONCERN, "anak sendirian", "anak sendirian"));
      if (t.contains("sesak napas")) m.add(new ScreenMatch("medical_emergency", RiskLevel.CONCERN, "sesak napas", "sesak napas"));
      String signals = (t.contains("tali") ? "means" : "") + (t.contains("malam ini") ? "time" : "");
      boolean means = signals.contains("means") || memory.recent().stream().anyMatch(r -> r.contains("means"));
      boolean time = signals.contains("time") || memory.recent().stream().anyMatch(r -> r.contains("time"));
      if (means && time && !signals.isEmpty()) m.add(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "means+time", text));
      RiskLevel level = m.stream().map(ScreenMatch::level).reduce(RiskLevel.NONE, RiskLevel::max);
      return new Screened(m.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(level, m), memory.then(signals));
    }
  };

  /** A family on the shipped first contact, consent given, at the "who is writing" question. */
  static Conversation atWriter() {
    Conversation c = new Conversation(SHIPPED, SCREEN).start().type("ya");
    assertEquals("first-contact/writer", c.node(), c.transcript());
    return c;
  }

  static String helpContacts() {
    return SHIPPED.shared().get("help_contacts").in("id");
  }

  static void onTheUrgentPath(Conversation c) {
    assertTrue(c.said().contains(CRISIS_OPENING), c.transcript());
    assertTrue(c.said().contains(helpContacts()), "the help contacts in the same step: " + c.said());
    assertEquals("crisis/safe", c.node());
    assertTrue(c.state().inCrisis());
    assertEquals(Priority.URGENT, c.state().priority());
    List<Effect.Handoff> h = c.effects(Effect.Handoff.class);
    assertEquals(1, h.size(), c.transcript());
    assertEquals("crisis", h.get(0).queue());
    assertEquals(Priority.URGENT, h.get(0).priority());
    Effect.Flag f = c.effects(Effect.Flag.class).get(c.effects(Effect.Flag.class).size() - 1);
    assertEquals(SessionState.FLAG_CRISIS, f.flag());
    assertEquals(RiskLevel.URGENT, f.level());
  }

  @Test
  void aConcernBringsTheDirectQuestionWithThreeButtons() {
    Conversation c = atWriter().type("saya capek hidup");
    assertEquals(List.of(SUICIDE_Q), c.texts(), c.transcript());
    assertEquals(List.of("Ya", "Tidak", "Tidak yakin"), c.buttonLabels());
    assertEquals(Pending.ASK_DIRECTLY, c.state().pending());
    assertEquals("suicide_self_harm", c.state().askingAbout());
    assertTrue(c.state().flags().contains(SessionState.FLAG_CONCERN));
    assertEquals(Priority.HIGH, c.state().priority());
    assertTrue(c.effects(Effect.Capture.class).isEmpty(), "the message is not taken as an answer to the script's question");
  }

  @Test
  void aTypedIyaTakesTheUrgentPathWithTheHelpContactsInTheSameStep() {
    Conversation c = atWriter().type("saya capek hidup").type("iya");
    onTheUrgentPath(c);
    Effect.Flag f = c.effects(Effect.Flag.class).get(0);
    assertEquals(List.of("suicide_self_harm"), f.categories());
    assertTrue(f.phrases().get(0).contains("iya"), "the counselor sees the answer: " + f.phrases());
    assertTrue(c.state().evidence().contains("capek hidup"), "and the concern that led to the question");
    assertEquals(Pending.NONE, c.state().pending());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gatau", "gak tau", "entahlah", "maybe", "mungkin", "idk", "gak aman", "iyaaa kak", "Ya."})
  void yesNotSureAndNotSafeAllTakeTheUrgentPath(String typed) {
    onTheUrgentPath(atWriter().type("dia marah terus").type(typed));
  }

  @Test
  void aSentenceIsNotSureAndIsKeptInTheStory() {
    Conversation c = atWriter().type("dia marah terus").type("saya belum tahu harus bagaimana");
    onTheUrgentPath(c);
    assertEquals(List.of(new Effect.StoryPart("saya belum tahu harus bagaimana")), c.effects(Effect.StoryPart.class));
    assertEquals(List.of("saya belum tahu harus bagaimana"), c.state().story());
  }

  @Test
  void aTypedTidakContinuesGentlyKeepsTheConcernAndIsNotAskedAgain() {
    Conversation c = atWriter().type("saya capek hidup").type("tidak");
    assertEquals(2, c.texts().size(), c.transcript());
    assertTrue(c.texts().get(0).startsWith(AFTER_NO), c.said());
    assertTrue(c.texts().get(1).contains(WRITER_Q), "the current question again: " + c.said());
    assertEquals("first-contact/writer", c.node());
    assertEquals(Pending.NONE, c.state().pending());
    assertFalse(c.state().inCrisis());
    assertTrue(c.state().flags().contains(SessionState.FLAG_CONCERN), "the flag stays for the counselor");
    assertEquals(Priority.HIGH, c.state().priority());
    assertTrue(c.effects(Effect.Handoff.class).isEmpty());

    c.type("capek hidup rasanya");
    assertFalse(c.said().contains(SUICIDE_Q), "asked once per conversation per category: " + c.said());
    assertEquals(1, c.effects(Effect.Flag.class).size(), "but still flagged");
    c.press("Untuk diri saya sendiri");
    assertEquals("first-contact/age", c.node(), "the flow goes on");
  }

  @ParameterizedTest
  @ValueSource(strings = {"nggak kok", "gak", "no", "bukan", "aman kok", "tidak, saya aman", "engga kak", "Tidak."})
  void clearNosContinue(String typed) {
    Conversation c = atWriter().type("dia marah terus").type(typed);
    assertTrue(c.texts().get(0).startsWith(AFTER_NO), typed + ": " + c.said());
    assertFalse(c.state().inCrisis(), typed);
  }

  @Test
  void theButtonsWork() {
    onTheUrgentPath(atWriter().type("saya capek hidup").press("Ya"));
    onTheUrgentPath(atWriter().type("saya capek hidup").press("Tidak yakin"));
    Conversation no = atWriter().type("saya capek hidup").press("Tidak");
    assertTrue(no.said().startsWith(AFTER_NO), no.said());
    assertEquals("first-contact/writer", no.node());
  }

  @Test
  void eachQuestionOnceAndCategoriesSharingAQuestionCountTogether() {
    Conversation c = atWriter().type("saya capek hidup").type("tidak");
    c.type("dia marah kalau saya pulang");
    assertTrue(c.said().contains(HURT_Q), "another category gets its own question: " + c.said());
    c.type("tidak");
    c.type("anak sendirian di rumah");
    assertFalse(c.said().contains(HURT_Q), "a child in danger would be asked the very same words: " + c.said());
    c.type("sesak napas");
    assertTrue(c.said().contains("perlu segera ditolong dokter"), c.said());
    assertEquals(List.of("suicide_self_harm", "child_danger", "sexual_violence", "trafficking", "violence_home", "medical_emergency"),
        c.state().asked());
  }

  @Test
  void neverAskedAfterYes() {
    Conversation c = atWriter().type("saya capek hidup").type("iya");
    c.type("dia marah");
    assertFalse(c.said().contains(HURT_Q), "they are on the urgent path: " + c.said());
    assertFalse(c.said().contains("Saya ingin bertanya langsung"));
  }

  @Test
  void onTheUrgentPathWhatTheFamilyTypesIsKeptAndNeverMetWithIDidNotUnderstand() {
    Conversation c = atWriter().type("saya capek hidup").type("iya");
    c.type("saya takut dia pulang nanti");
    assertEquals(List.of(new Effect.StoryPart("saya takut dia pulang nanti")), c.effects(Effect.StoryPart.class));
    assertFalse(c.said().contains("Maaf, saya belum menangkap"), c.said());
    assertFalse(c.said().contains("Cukup jawab"), c.said());
    assertEquals(new Effect.Capture("safe_now", "unsure", true), c.effects(Effect.Capture.class).get(0),
        "anything but a clear answer to 'are you safe?' is read as not sure");
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
  }

  @Test
  void inACrisisScriptWithoutNotSureTheQuestionComesBackWithAThankYouAndNoOfferAfterThreeMisses() {
    Conversation c = new Conversation(Fixtures.book(), SCREEN).start().press("Baik").type("ya").type("saya capek hidup").type("iya");
    assertEquals("crisis/are_you_safe", c.node(), c.transcript());
    for (int i = 0; i < 3; i++) {
      c.type("dia masih di luar pintu " + i);
      assertEquals(1, c.effects(Effect.StoryPart.class).size());
      assertTrue(c.said().startsWith(Phrases.KEPT_FOR_COUNSELOR.in("id")), c.said());
      assertTrue(c.said().contains("Apakah Anda aman saat ini?"));
      assertFalse(c.said().contains("Maaf"), c.said());
    }
    assertEquals(List.of("dia masih di luar pintu 0", "dia masih di luar pintu 1", "dia masih di luar pintu 2"), c.state().story());
  }

  @Test
  void anAnswerThatItselfScreensUrgentGoesTheUrgentWayAndIsKept() {
    Conversation c = atWriter().type("saya capek hidup").type("sebenarnya saya ingin mati");
    onTheUrgentPath(c);
    assertEquals(List.of("sebenarnya saya ingin mati"), c.state().story());
    assertTrue(c.state().evidence().contains("ingin mati"));
  }

  @Test
  void commandsStillWorkWhileTheQuestionWaits() {
    Conversation help = atWriter().type("saya capek hidup").command("bantuan");
    assertTrue(help.texts().get(help.texts().size() - 1).equals(SUICIDE_Q), "help, then the direct question again: " + help.said());
    assertEquals(Pending.ASK_DIRECTLY, help.state().pending());

    Conversation person = atWriter().type("saya capek hidup").command("konselor");
    assertEquals(ConversationStatus.HANDED_OFF, person.state().status());
    assertEquals(Priority.HIGH, person.effects(Effect.Handoff.class).get(0).priority());
    assertEquals(Pending.NONE, person.state().pending());

    Conversation en = atWriter().type("saya capek hidup").command("english");
    assertTrue(en.said().contains("are you thinking about ending your life?"), en.said());
    assertEquals(List.of("Yes", "No", "Not sure"), en.buttonLabels());

    Conversation old = atWriter().type("saya capek hidup").data(Callback.option("writer", "self"));
    assertTrue(old.said().contains(SUICIDE_Q), "an earlier question's button answers nothing: " + old.said());
    assertEquals("first-contact/writer", old.node());
  }

  @Test
  void aConcernInTheStoryIsKeptInTheStoryAndAfterNoTheStoryGoesOn() {
    Conversation c = new Conversation(SHIPPED, SCREEN).start().type("ya").press("Untuk diri saya sendiri");
    while (!(SHIPPED.script(c.state().scriptId()).node(c.state().nodeId()) instanceof Node.Listen)) {
      c.press(c.buttonLabels().get(c.buttonLabels().size() - 1)); // skip or the last option, until the story
    }
    c.type("suami saya, dia marah tiap malam");
    assertEquals(List.of("suami saya, dia marah tiap malam"), c.state().story());
    assertTrue(c.said().contains(HURT_Q));
    c.type("tidak");
    assertTrue(c.said().startsWith(AFTER_NO));
    assertEquals(List.of("Sudah, itu saja"), c.buttonLabels(), "room to write, not the story's opening question again");
    c.type("kemarin dia pergi");
    assertEquals(2, c.state().story().size());
  }

  @Test
  void aConcernInTheFirstMessageIsAskedAfterTheGreeting() {
    Conversation c = new Conversation(SHIPPED, SCREEN).type("halo, saya capek hidup");
    assertEquals(SUICIDE_Q, c.texts().get(c.texts().size() - 1), c.transcript());
    assertTrue(c.texts().size() > 1, "the bot says who it is first");
    c.type("iya");
    onTheUrgentPath(c);
  }

  @Test
  void notAskedWhileHandedOff() {
    Conversation c = atWriter().command("konselor").type("saya capek hidup");
    assertTrue(c.texts().isEmpty(), "the desk relays: " + c.said());
    assertTrue(c.state().flags().contains(SessionState.FLAG_CONCERN));
  }

  @Test
  void dangerToldInTwoMessagesIsSeenBecauseTheEngineKeepsAndPassesTheMemory() {
    SessionCodec codec = new SessionCodec();
    Conversation c = atWriter().type("talinya sudah saya siapkan");
    assertFalse(c.state().inCrisis(), "one piece alone is not urgent");
    assertEquals(List.of("means"), c.state().risk().subList(c.state().risk().size() - 1, c.state().risk().size()));
    c.resume(codec.read(codec.write(c.state()))); // stored and loaded between the messages, as the service does
    c.type("malam ini");
    onTheUrgentPath(c);
    assertEquals(List.of("suicide_self_harm"), c.effects(Effect.Flag.class).get(0).categories());
  }

  @Test
  void withoutTheMemoryTheSecondPieceAloneIsNothing() {
    Conversation c = atWriter().type("malam ini");
    assertFalse(c.state().inCrisis());
  }

  @Test
  void theWordsComeFromServiceYamlWhenTheAdminWroteThem() {
    Map<String, Text> shared = new HashMap<>(SHIPPED.shared());
    shared.put(DirectQuestion.PREFIX + DirectQuestion.SUICIDE, Text.of("Apakah Anda berpikir untuk bunuh diri?", "Are you thinking of suicide?"));
    shared.put(DirectQuestion.PREFIX + DirectQuestion.UNSURE, Text.of("Entahlah", "Don't know"));
    Conversation c = new Conversation(new ScriptBook(SHIPPED.scripts(), shared), SCREEN).start().type("ya").type("capek hidup");
    assertEquals(List.of("Apakah Anda berpikir untuk bunuh diri?"), c.texts());
    assertEquals(List.of("Ya", "Tidak", "Entahlah"), c.buttonLabels());
    assertTrue(SHIPPED.shared().containsKey("ask_directly.suicide"), "the shipped service.yaml writes them out for the admin");
  }

  @Test
  void theValidatorChecksTheTexts() throws Exception {
    ServiceTexts svc = ServiceTexts.parse("""
        ask_directly:
          suicde: {id: "Apakah Anda ...?", en: "Are you ...?"}
          hurt: {id: "Apakah ada yang menyakiti Anda?"}
          unsure: {id: "Saya sama sekali tidak yakin tentang itu", en: "Not sure"}
        """);
    List<Problem> ps = ScriptValidator.check(Fixtures.book().scripts(), svc);
    String all = ps.toString();
    assertTrue(all.contains("'ask_directly: suicde' is not a text the bot uses"), all);
    assertTrue(all.contains("'hurt' (ask_directly) is missing in English"), all);
    assertTrue(all.contains("button 'unsure' (ask_directly) is 40 characters long"), all);
    assertEquals(List.of(), ScriptValidator.validate(DialogFolder.read(Path.of("dialogs"))), "the shipped texts are valid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"iya", "ya", "y", "yes", "yep", "betul", "benar", "he'eh", "iyaa", "Iya kak", "gak aman", "tidak aman", "not safe"})
  void yesWords(String w) {
    assertEquals(DirectQuestion.Reply.YES, DirectQuestion.read(w), w);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tidak", "nggak", "gak", "enggak", "ga", "no", "nope", "bukan", "engga", "aman kok", "aman", "nggakkk", "Tidak, terima kasih"})
  void noWords(String w) {
    assertEquals(DirectQuestion.Reply.NO, DirectQuestion.read(w), w);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gatau", "gak tau", "entahlah", "maybe", "mungkin", "idk", "tidak tahu", "nggak yakin"})
  void notSureWords(String w) {
    assertEquals(DirectQuestion.Reply.UNSURE, DirectQuestion.read(w), w);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tidak sekarang", "ya ampun", "iya?", "gak tau lah pokoknya capek", "", "😢", "tidak saya aman"})
  void anythingElseIsNotAClearNo(String w) {
    assertEquals(DirectQuestion.Reply.OTHER, DirectQuestion.read(w), w);
  }

  @Test
  void nothingIsAskedWhenTheScreenIsClear() {
    Conversation c = atWriter().type("saya ibu rumah tangga");
    assertNull(c.state().askingAbout());
  }
}
