package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each node kind does what an admin expects when they write it. */
class NodeKindsTest {
  static java.util.List<String> waitingNodes() {
    return Walks.WAITING_NODES;
  }

  @ParameterizedTest
  @MethodSource("waitingNodes")
  void everyWaitingNodeOfTheFixtureCanBeReached(String node) {
    Conversation c = Walks.to(node);
    assertEquals(ConversationStatus.ACTIVE, c.state().status());
  }

  @Test
  void sayMessagesComeBeforeTheQuestionThatFollowsThem() {
    Conversation c = Conversation.withFixtures().start();
    assertEquals(2, c.texts().size(), c.transcript());
    assertTrue(c.texts().get(0).startsWith("Halo, selamat datang"));
    assertEquals("Bagaimana kabar Anda hari ini?", c.texts().get(1));
    assertEquals(java.util.List.of("small_talk"), c.state().techniques());
  }

  @Test
  void askShowsItsOptionsAsButtonsWithNodeScopedData() {
    Conversation c = Conversation.withFixtures().start();
    assertEquals(java.util.List.of("Baik", "Biasa saja", "Sedang berat"), c.buttonLabels());
    assertEquals("n:how_are_you:good", c.lastButtons().get(0).data());
  }

  @Test
  void listenOffersTheDoneButton() {
    Conversation c = Walks.to("first-contact/story");
    assertEquals(java.util.List.of("Sudah, itu saja"), c.buttonLabels());
    assertTrue(c.state().techniques().contains("ventilation"));
  }

  @Test
  void branchOnAFieldRoutesADeclinedConsentToTheEnd() {
    Conversation c = Walks.to("first-contact/consent").type("tidak");
    assertEquals(ConversationStatus.ENDED, c.state().status());
    assertEquals(1, c.effects(Effect.End.class).size());
    assertTrue(c.said().contains("SAPA 129"), c.said());
  }

  @Test
  void branchOnAFlagRoutesAConcernToAHighPriorityHandoff() {
    Conversation c = Walks.to("first-contact/story").type("saya capek hidup begini terus");
    assertTrue(c.state().flags().contains("concern"));
    assertEquals(Priority.HIGH, c.state().priority());
    assertEquals("first-contact/story", c.node(), "a concern does not interrupt the story");
    c.type("tidak"); // the direct safety question a concern brings (see DirectQuestionTest)
    c.press("Sudah, itu saja");
    Effect.Handoff h = c.effects(Effect.Handoff.class).get(0);
    assertEquals(Priority.HIGH, h.priority());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
  }

  @Test
  void branchOtherwiseGoesOnToSupportAndTheMenu() {
    Conversation c = Walks.to("first-contact/menu");
    assertTrue(c.said().contains("Anda sudah berani bercerita"), c.said());
    assertTrue(c.state().techniques().contains("support"));
  }

  @Test
  void handoffOpensACaseInItsQueue() {
    Conversation c = Walks.to("first-contact/menu").press("Bicara dengan konselor");
    Effect.Handoff h = c.effects(Effect.Handoff.class).get(0);
    assertEquals("general", h.queue());
    assertEquals(Priority.NORMAL, h.priority());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    assertTrue(c.said().contains("Baik, Sari, saya hubungkan"), c.said());
  }

  @Test
  void endSaysGoodbyeAndEnds() {
    Conversation c = Walks.to("first-contact/menu").press("Selesai dulu");
    assertEquals(ConversationStatus.ENDED, c.state().status());
    assertEquals(1, c.effects(Effect.End.class).size());
    assertTrue(c.said().startsWith("Terima kasih sudah menghubungi kami"));
  }

  @Test
  void gotoAnotherScriptAndBackToANamedNode() {
    Conversation c = Walks.to("info/more");
    assertTrue(c.said().contains("LK3 Uji melayani konsultasi keluarga. Jam layanan: Senin–Jumat 08.00–16.00."), c.said());
    c.press("Ya");
    assertEquals("first-contact/phone", c.node());
  }

  @Test
  void gotoTheSameScriptStartsItAgain() {
    Conversation c = Walks.to("first-contact/menu").press("Mulai dari awal");
    assertEquals("first-contact/how_are_you", c.node());
    assertEquals("Sari", c.state().fields().get("name"), "what the family said is kept");
  }
}
