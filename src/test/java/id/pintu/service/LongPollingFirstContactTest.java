package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.InboxStore;
import id.pintu.store.TranscriptStore;
import id.pintu.testing.botapi.SentMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A family's whole first contact over long polling, ending in a stored case. */
class LongPollingFirstContactTest {
  @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();

  @Test
  void firstContactEndsInAStoredCaseWithIntakeAndStory() throws Exception {
    FirstContactWalk.walk(h, 1001);

    List<CaseStore.Row> cases = new CaseStore(h.service.database()).forChat(1001);
    assertEquals(1, cases.size());
    CaseStore.Row c = cases.get(0);
    assertEquals("waiting", c.status(), "the case waits for a counselor");
    assertEquals("general", c.queue());
    assertTrue(c.intake().contains("\"name\":\"Rina\""), c.intake());
    assertTrue(c.intake().contains("\"age\":\"34\""), c.intake());
    assertTrue(c.intake().contains("\"consent\":\"yes\""), c.intake());
    assertTrue(c.story().indexOf("Anak saya tidak mau sekolah") < c.story().indexOf("Saya bingung harus bagaimana"), c.story());

    List<TranscriptStore.Row> t = new TranscriptStore(h.service.database()).forChat(1001);
    assertTrue(t.stream().anyMatch(r -> r.direction().equals("in") && "Saya bingung harus bagaimana".equals(r.text())));
    assertTrue(t.stream().anyMatch(r -> r.direction().equals("out") && r.text().contains("Konselor akan segera")));
    assertEquals(0, new InboxStore(h.service.database()).backlog(), "every update processed");
  }

  @Test
  void aStickerGetsAFriendlyAnswerInTheFamilysLanguageAndIsKeptOnceConsented() throws Exception {
    h.api.sendText(1002, "/start");
    h.awaitText(1002, "Boleh kami simpan");
    h.api.sendSticker(1002, "🙂");
    SentMessage reply = h.awaitText(1002, "stiker");
    assertTrue(reply.text().startsWith("Terima kasih"), reply.text());
    h.api.sendText(1002, "/english");
    h.awaitText(1002, "May we keep your story?");
    h.press(1002, "n:consent:yes");
    h.awaitText(1002, "What should we call you?");
    h.api.sendVoice(1002, 7);
    h.awaitText(1002, "voice notes");
    List<TranscriptStore.Row> t = new TranscriptStore(h.service.database()).forChat(1002);
    // Before consent only the kind and time of a message are kept; after it, the file id too.
    assertTrue(t.stream().anyMatch(r -> r.kind().equals("sticker") && r.fileId() == null), "sticker before consent: kind only");
    assertTrue(t.stream().anyMatch(r -> r.kind().equals("voice") && r.fileId() != null), "voice note kept with its file id");
  }

  @Test
  void aMalformedUpdateAmongGoodOnesDoesNotStopThem() throws Exception {
    int first = h.api.sendText(1003, "/start");
    int bad = h.api.pushUpdate("{\"update_id\": " + (first + 1) + ", \"message\": {\"message_id\": \"not-a-number\", \"chat\": 17}}");
    int third = h.api.sendText(1004, "/start");
    h.api.pushUpdate("{\"update_id\": " + (third + 1) + ", \"poll\": {\"id\": \"p\"}}");
    h.api.sendText(1005, "/start");
    h.awaitText(1003, "Boleh kami simpan");
    h.awaitText(1004, "Boleh kami simpan");
    h.awaitText(1005, "Boleh kami simpan");
    assertEquals(first + 1, bad);
    // The poller moved past them: nothing is left unconfirmed at the Bot API.
    long deadline = System.currentTimeMillis() + 10_000;
    while (h.api.pendingUpdates() > 0 && System.currentTimeMillis() < deadline) ServiceHarness.sleep(50);
    var polls = h.api.callsOf("getupdates");
    assertEquals(0, h.api.pendingUpdates(), "malformed updates must not wedge polling; ids " + first + ".." + (third + 2) + "; last polls "
        + polls.subList(Math.max(0, polls.size() - 3), polls.size()));
  }

  @Test
  void aCrisisMessageJumpsToHelpContactsAndAnUrgentCase() throws Exception {
    h.api.sendText(1006, "/start");
    h.awaitText(1006, "Boleh kami simpan");
    h.api.sendText(1006, "aku ingin mati saja");
    SentMessage help = h.awaitText(1006, "SAPA 129");
    assertTrue(help.text().contains("Keselamatan"), help.text());
    h.awaitText(1006, "Konselor segera datang");
    long deadline = System.currentTimeMillis() + 5_000;
    CaseStore.Row c = null;
    while (System.currentTimeMillis() < deadline) {
      c = new CaseStore(h.service.database()).forChat(1006).get(0);
      if ("waiting".equals(c.status())) break;
      ServiceHarness.sleep(20);
    }
    assertEquals("urgent", c.priority());
    assertEquals("crisis", c.queue());
    assertTrue(c.flags().contains("ingin mati"), "the counselor sees the phrase: " + c.flags());
    assertFalse(h.texts(1006).stream().anyMatch(s -> s.contains("Siapa nama")), "no more intake questions");
  }
}
