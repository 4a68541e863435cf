package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.FailurePlan;
import id.pintu.testing.botapi.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A relayed conversation (family and counselor writing at the same time) with the service
 * killed without warning in the middle and started again on the same store: every message
 * reaches the other side exactly once, in order.
 */
class DeskRestartTest {
  static final long STAFF = DeskServiceTest.STAFF;
  static final long FAMILY = 4001;
  static final int EACH = 12;

  @Test
  void killedInTheMiddleOfARelayedConversationLosesAndDoublesNothingEitherWay() throws Exception {
    try (ServiceHarness h = ServiceHarness.unthrottledStaffGroup()) {
      h.withConfigFile(DeskServiceTest.CONFIG);
      int port = ChildService.freePort();
      h.set("PINTU_HTTP_PORT", Integer.toString(port));

      Process first = ChildService.start(h, port, "desk-restart-first");
      int thread;
      try {
        h.api.sendText(FAMILY, "/start");
        h.awaitText(FAMILY, "Boleh kami simpan");
        h.api.sendText(FAMILY, "/konselor");
        // The store is the child's (an H2 file is open in one process only): read what the staff chat shows.
        ChildService.waitUntil(() -> card(h) != null, Duration.ofSeconds(20), "the handover card in its topic");
        SentMessage card = card(h);
        thread = card.threadId();
        String claim = ServiceHarness.buttonData(card).get(0);
        assertTrue(claim.startsWith("d:claim:"), claim);
        h.api.pressButtonAs(STAFF, card.messageId(), DeskServiceTest.SARI, claim);
        h.awaitText(FAMILY, "Kak Sari, konselor kami, sudah bergabung");

        // Both sides write at once.
        for (int i = 1; i <= EACH; i++) {
          h.api.sendText(FAMILY, "keluarga " + i);
          h.api.sendToTopic(STAFF, thread, DeskServiceTest.SARI, "konselor " + i);
        }
        ChildService.waitUntil(() -> relayed(h, thread) >= 2 * EACH / 3, Duration.ofSeconds(60), "a third of the relay before the kill");
        // Freeze Telegram's answers so nothing is accepted at the instant of the kill (as in CrashRestartTest).
        h.api.failures().timeoutsFor(Duration.ofMinutes(5), FailurePlan.Silence.HANG);
        ServiceHarness.sleep(3_000);
      } finally {
        first.destroyForcibly().waitFor();
      }
      int before = relayed(h, thread);
      assertTrue(before < 2 * EACH, "the kill happened mid-conversation (" + before + " of " + 2 * EACH + ")");
      h.api.failures().clear();

      Process second = ChildService.start(h, port, "desk-restart-second");
      try {
        ChildService.waitUntil(() -> relayed(h, thread) >= 2 * EACH, Duration.ofSeconds(120), "the whole conversation after the restart");
        ServiceHarness.sleep(1_500); // anything doubled would show up now
      } finally {
        second.destroy();
        second.waitFor();
      }
      List<String> toFamily = h.texts(FAMILY).stream().filter(t -> t != null && t.startsWith("konselor ")).toList();
      List<String> toTopic = inTopic(h, thread).stream().filter(t -> t != null && t.startsWith("keluarga ")).toList();
      assertEquals(IntStream.rangeClosed(1, EACH).mapToObj(i -> "konselor " + i).toList(), toFamily, "the family got each counselor message once, in order");
      assertEquals(IntStream.rangeClosed(1, EACH).mapToObj(i -> "keluarga " + i).toList(), toTopic, "the topic got each family message once, in order");
      assertEquals(1, h.texts(FAMILY).stream().filter(t -> t != null && t.contains("sudah bergabung")).count());
    }
  }

  static int relayed(ServiceHarness h, int thread) {
    int toFamily = (int) h.texts(FAMILY).stream().filter(t -> t != null && t.startsWith("konselor ")).count();
    int toTopic = (int) inTopic(h, thread).stream().filter(t -> t != null && t.startsWith("keluarga ")).count();
    return toFamily + toTopic;
  }

  static List<String> inTopic(ServiceHarness h, int thread) {
    return h.api.messagesTo(STAFF).stream().filter(m -> m.threadId() != null && m.threadId() == thread).map(SentMessage::text).toList();
  }

  static SentMessage card(ServiceHarness h) {
    return h.api.messagesTo(STAFF).stream().filter(m -> m.threadId() != null && m.text() != null && m.text().contains("Tanda risiko"))
        .findFirst().orElse(null);
  }
}
