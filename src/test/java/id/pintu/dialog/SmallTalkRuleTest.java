package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "In a crisis, when feelings run high, small talk must not be used." */
class SmallTalkRuleTest {
  private static void noSmallTalk(Conversation c) {
    noSmallTalkSent(c);
    assertFalse(c.state().techniques().contains("small_talk"), c.state().techniques().toString());
  }

  private static void noSmallTalkSent(Conversation c) {
    assertTrue(c.texts().stream().noneMatch(t -> t.startsWith("Halo, selamat datang") || t.contains("Bagaimana kabar Anda")),
        c.transcript());
  }

  @Test
  void withoutACrisisTheGreetingHasSmallTalk() {
    Conversation c = Conversation.withFixtures().start();
    assertTrue(c.state().techniques().contains("small_talk"));
  }

  @Test
  void restartAfterACrisisSkipsSmallTalk() {
    Conversation c = Walks.to("first-contact/name").type("ingin mati").press("Ya, saya aman");
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    c.command("berhenti").type("ya");
    assertEquals(ConversationStatus.ENDED, c.state().status());
    c.start();
    noSmallTalk(c);
    assertEquals("first-contact/consent", c.node(), "straight to the confidentiality notice and consent");
    assertTrue(c.said().startsWith("Semua yang Anda tulis di sini rahasia"), c.said());
    assertTrue(c.state().inCrisis(), "the flag stays for the counselor");
    assertEquals(Priority.URGENT, c.state().priority());
  }

  @Test
  void gotoBackThroughSmallTalkSkipsItInACrisis() {
    Conversation c = Walks.to("first-contact/menu");
    c.resume(c.state().withFlag(SessionState.FLAG_CRISIS, List.of("ingin mati")));
    c.press("Mulai dari awal");
    noSmallTalkSent(c); // (small talk was used before the crisis, so it stays in the techniques list)
    assertEquals("first-contact/consent", c.node());
  }

  @Test
  void typedTextAfterACrisisEndingStartsWithoutSmallTalk() {
    Conversation c = Walks.to("first-contact/age").type("bunuh diri").command("berhenti").press("Ya, berhenti");
    c.type("halo lagi");
    noSmallTalk(c);
  }
}
