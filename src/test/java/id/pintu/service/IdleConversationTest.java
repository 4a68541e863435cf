package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A family that goes quiet: one gentle reminder, then a kind close; /start begins afresh. */
class IdleConversationTest {

  @Test
  void silenceGetsOneReminderThenAKindCloseAndStartBeginsAfresh() throws Exception {
    MovableClock clock = new MovableClock();
    try (ServiceHarness h = new ServiceHarness().set("PINTU_SESSIONS_SWEEP_SECONDS", "1")
        .set("PINTU_SESSIONS_REMINDER_AFTER_MINUTES", "30").set("PINTU_SESSIONS_CLOSE_AFTER_MINUTES", "1440")) {
      h.start(clock);
      long chat = 8_001;
      h.api.sendText(chat, "/start");
      h.awaitText(chat, "Boleh kami simpan");
      int before = h.api.messagesTo(chat).size();

      clock.advance(Duration.ofMinutes(10));
      ServiceHarness.sleep(2_500);
      assertEquals(before, h.api.messagesTo(chat).size(), "no reminder after ten minutes");

      clock.advance(Duration.ofMinutes(25));
      h.awaitText(chat, "saya masih di sini");
      clock.advance(Duration.ofMinutes(60));
      ServiceHarness.sleep(2_500);
      assertEquals(1, h.texts(chat).stream().filter(t -> t.contains("saya masih di sini")).count(), "one reminder only");

      clock.advance(Duration.ofHours(24));
      h.awaitText(chat, "Percakapan ini kami tutup dulu");
      List<CaseStore.Row> cases = new CaseStore(h.service.database()).forChat(chat);
      assertEquals("closed", cases.get(0).status());
      assertEquals("no_response", cases.get(0).outcome());

      h.api.sendText(chat, "/start");
      h.awaitText(chat, "Halo, selamat datang.");
      ChildService.waitUntil(() -> new CaseStore(h.service.database()).forChat(chat).size() == 2, Duration.ofSeconds(10), "a new case");
      cases = new CaseStore(h.service.database()).forChat(chat);
      assertEquals(cases.get(0).id(), cases.get(1).previousCaseId(), "the new first contact is linked to the old case");
      assertTrue(cases.get(0).status().equals("closed"), "the old case stays on record");
    }
  }
}
