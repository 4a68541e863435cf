package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.safety.RiskLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Safety first: a message that signals danger changes everything at once, wherever the family is. */
class CrisisInterruptTest {
  static final String CRISIS_OPENING = "Terima kasih sudah mau mengatakannya. Keselamatan Anda yang paling utama sekarang.";

  static List<String> waitingNodes() {
    return Walks.WAITING_NODES;
  }

  @ParameterizedTest
  @MethodSource("waitingNodes")
  void crisisPhraseFromEveryNodeJumpsToTheCrisisScript(String node) {
    Conversation c = Walks.to(node).type("Saya sudah tidak kuat, rasanya ingin mati saja");
    assertEquals(CRISIS_OPENING, c.texts().get(0), c.transcript());
    assertEquals("Apakah Anda aman saat ini?", c.texts().get(1));
    assertEquals("crisis/are_you_safe", c.node());
    assertTrue(c.state().inCrisis());
    assertEquals(Priority.URGENT, c.state().priority());
    Effect.Flag f = c.effects(Effect.Flag.class).get(0);
    assertEquals("crisis", f.flag());
    assertEquals(RiskLevel.URGENT, f.level());
    assertEquals(List.of("ingin mati"), f.phrases());
    assertTrue(c.state().evidence().contains("ingin mati"), "the counselor sees why");
    assertTrue(c.effects(Effect.Capture.class).isEmpty(), "a crisis message is never taken as an intake answer");
    assertTrue(c.allTexts().stream().noneMatch(t -> t.contains("?") && c.texts().contains(t) && !t.startsWith("Apakah Anda aman")),
        "no other question piled on");
  }

  @Test
  void fromTheStoryTheMessageIsAlsoKeptInTheStory() {
    Conversation c = Walks.to("first-contact/story").type("Suami memukul saya").type("Saya mau bunuh diri");
    assertEquals(List.of("Suami memukul saya", "Saya mau bunuh diri"), c.state().story());
    assertEquals(1, c.effects(Effect.StoryPart.class).size());
    assertEquals("crisis/are_you_safe", c.node());
  }

  @Test
  void theCrisisScriptGivesHelpContactsAndAnUrgentHandoff() {
    Conversation c = Walks.to("first-contact/age").type("I want to kill myself").press("Tidak");
    assertTrue(c.said().contains("110"));
    assertTrue(c.said().contains(Fixtures.helpContacts("id")), c.said());
    Effect.Handoff h = c.effects(Effect.Handoff.class).get(0);
    assertEquals(Priority.URGENT, h.priority());
    assertEquals("crisis", h.queue());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    assertEquals(new Effect.Capture("safe_now", "no", true), c.effects(Effect.Capture.class).get(0));
  }

  @Test
  void aConcernRaisesPriorityWithoutInterrupting() {
    Conversation c = Walks.to("first-contact/name").type("capek hidup");
    assertTrue(c.state().flags().contains("concern"));
    assertFalse(c.state().inCrisis());
    assertEquals(Priority.HIGH, c.state().priority());
    assertEquals(RiskLevel.CONCERN, c.effects(Effect.Flag.class).get(0).level());
  }

  @Test
  void crisisWhileHandedOffSendsHelpAndRaisesPriorityWithoutAJump() {
    Conversation c = Walks.to("first-contact/menu").press("Bicara dengan konselor");
    SessionState before = c.state();
    c.type("aku ingin mati");
    assertTrue(c.said().contains("Keselamatan Anda yang utama"), c.said());
    assertTrue(c.said().contains(Fixtures.helpContacts("id")));
    assertEquals(Priority.URGENT, c.effects(Effect.Handoff.class).get(0).priority());
    assertEquals(Priority.URGENT, c.state().priority());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    assertEquals(before.scriptId() + "/" + before.nodeId(), c.node(), "no jump: a counselor is coming");
    c.type("bunuh diri");
    assertTrue(c.texts().isEmpty(), "said once; the counselor reads the rest");
    assertEquals(1, c.effects(Effect.Flag.class).size(), "but every sign is flagged");
  }

  @Test
  void crisisInTheFirstMessageEver() {
    Conversation c = Conversation.withFixtures().type("halo, saya ingin bunuh diri");
    assertEquals("crisis/are_you_safe", c.node());
    assertTrue(c.state().inCrisis());
  }

  @Test
  void crisisWhileConfirmingStopIsNotLost() {
    Conversation c = Walks.to("first-contact/age").command("berhenti").type("ingin mati");
    assertEquals("crisis/are_you_safe", c.node());
    assertEquals(ConversationStatus.ACTIVE, c.state().status());
  }

  @Test
  void crisisAfterTheEndRestartsStraightIntoTheCrisisScript() {
    Conversation c = Walks.to("first-contact/menu").press("Selesai dulu").type("kill myself");
    assertEquals("crisis/are_you_safe", c.node());
    assertTrue(c.texts().stream().noneMatch(t -> t.startsWith("Halo")), "no small talk: " + c.texts());
  }

  /** A crisis script may let the family go on telling; a second alarming message there is acknowledged. */
  @Test
  void crisisPhraseWhileListeningInsideTheCrisisScriptIsAcknowledged() {
    ScriptBook b = Fixtures.with("""
        id: crisis
        start: tell
        nodes:
          - id: tell
            kind: listen
            technique: ventilation
            text: {id: "Ceritakan apa yang terjadi, saya di sini.", en: "Tell me what is happening, I'm here."}
            next: urgent
          - id: urgent
            kind: handoff
            priority: urgent
            queue: crisis
            text: {id: "Konselor segera datang. {help_contacts}", en: "A counselor is coming. {help_contacts}"}
        """);
    Conversation c = Conversation.with(b).start().type("ingin mati").type("saya sungguh ingin mati");
    assertEquals("crisis/tell", c.node());
    assertEquals(List.of("saya sungguh ingin mati"), c.state().story(), "the first one came at a question, not in the story");
    assertFalse(c.texts().isEmpty(), "never leave an alarming message unanswered: " + c.transcript());
    assertEquals(1, c.effects(Effect.StoryPart.class).size());
    assertEquals(1, c.state().listened(), "counted towards the story");
  }
}
