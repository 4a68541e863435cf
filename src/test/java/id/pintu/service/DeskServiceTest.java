package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.testing.botapi.RecordedCall;
import id.pintu.testing.botapi.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counselors' desk through the Bot API double: one family, two counselors, one stranger. */
class DeskServiceTest {
  static final long STAFF = -1001234567890L;
  static final long SARI = 501;
  static final long ADI = 502;
  static final long STRANGER = 999;
  static final String CONFIG = """
      desk:
        staffChatId: -1001234567890
        staff:
          - {userId: 501, role: counselor, alias: Kak Sari}
          - {userId: 502, role: counselor, alias: Mas Adi}
      """;

  ServiceHarness h;
  DeskStore desk;
  DeskTopics topics;

  @BeforeEach
  void start() throws Exception {
    h = ServiceHarness.unthrottledStaffGroup().withConfigFile(CONFIG).start();
    desk = new DeskStore(h.service.database());
    topics = new DeskTopics(h, STAFF);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  static void until(String what, BooleanSupplier cond) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (cond.getAsBoolean()) return;
      ServiceHarness.sleep(20);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  @Test
  void handoffClaimRelayNoteReferralCloseAndRating() throws Exception {
    long family = 2001;
    DeskStore.DeskCase k = topics.handedOff(family, "<b>Rina</b> & co", "<script>alert(1)</script> suami marah");
    int thread = k.topicThreadId();

    RecordedCall create = h.api.callsOf("createForumTopic").get(0);
    assertTrue(create.paramsJson().contains("#" + k.id() + " · Kasus baru"), create.paramsJson());
    SentMessage card = topics.awaitInTopic(thread, "Cerita (kata-kata keluarga)");
    assertTrue(card.text().contains("&lt;b&gt;Rina&lt;/b&gt; &amp; co"), card.text());
    assertTrue(card.text().contains("&lt;script&gt;alert(1)&lt;/script&gt; suami marah"), card.text());
    assertFalse(card.text().contains("<script>") || card.text().contains("<b>Rina"), "family text never reaches the HTML unescaped");
    assertTrue(card.text().contains("Persetujuan data: yes pada"), "consent time on the card: " + card.text());
    assertEquals(List.of("d:claim:" + k.id(), "d:release:" + k.id(), "d:close:" + k.id()), ServiceHarness.buttonData(card));

    // The stranger's press changes nothing.
    h.api.pressButtonAs(STAFF, card.messageId(), STRANGER, "d:claim:" + k.id());
    until("the stranger answered", () -> h.api.callsOf("answerCallbackQuery").stream().anyMatch(c -> c.paramsJson().contains("hanya staf")));
    assertEquals("waiting", topics.find(k.id()).status());

    // Both counselors press at once: one wins, the other is told who has it.
    h.api.pressButtonAs(STAFF, card.messageId(), SARI, "d:claim:" + k.id());
    h.api.pressButtonAs(STAFF, card.messageId(), ADI, "d:claim:" + k.id());
    topics.awaitInTopic(thread, "diambil oleh Kak Sari");
    until("the loser told", () -> h.api.callsOf("answerCallbackQuery").stream().anyMatch(c -> c.paramsJson().contains("sudah diambil oleh Kak Sari")));
    assertEquals(SARI, topics.find(k.id()).claimedBy());
    h.awaitText(family, "Kak Sari, konselor kami, sudah bergabung");

    // Relay both ways, in order, with a photo each way.
    h.api.sendText(family, "halo kak");
    h.api.sendPhoto(family, "foto memar");
    h.api.sendToTopic(STAFF, thread, SARI, "Halo, saya Sari.");
    h.api.sendPhotoToTopic(STAFF, thread, SARI, "lihat ini");
    h.api.sendToTopic(STAFF, thread, ADI, "pesan dari konselor lain");
    h.api.sendToTopic(STAFF, thread, SARI, "/catatan rahasia: ayah pernah dilaporkan");
    h.api.sendToTopic(STAFF, thread, SARI, "Kita lanjut besok ya.");
    h.awaitText(family, "Kita lanjut besok ya.");
    List<String> toFamily = h.texts(family);
    int a = toFamily.indexOf("Halo, saya Sari.");
    int b = toFamily.indexOf("lihat ini");
    int c = toFamily.indexOf("Kita lanjut besok ya.");
    assertTrue(a >= 0 && a < b && b < c, toFamily.toString());
    assertTrue(h.api.messagesTo(family).stream().anyMatch(m -> "copyMessage".equals(m.method()) && "lihat ini".equals(m.text())));
    assertFalse(toFamily.stream().anyMatch(t -> t != null && (t.contains("rahasia") || t.contains("konselor lain"))), "notes and others never relayed");
    topics.awaitInTopic(thread, "foto memar");
    List<String> topic = topics.inTopic(thread).stream().map(SentMessage::text).toList();
    assertTrue(topic.indexOf("halo kak") < topic.indexOf("foto memar"), topic.toString());
    assertEquals(1, desk.count("case_notes", k.id()));

    // Referral, a stranger's command, then close with an outcome.
    h.api.sendToTopic(STAFF, thread, SARI, "/rujuk lbh");
    topics.awaitInTopic(thread, "Rujukan dicatat: LBH");
    h.api.sendToTopic(STAFF, thread, STRANGER, "/tutup selesai");
    ServiceHarness.sleep(300);
    until("the stranger's command processed", () -> {
      try {
        return new id.pintu.store.InboxStore(h.service.database()).backlog() == 0;
      } catch (Exception e) {
        return false;
      }
    });
    assertEquals("claimed", topics.find(k.id()).status(), "the stranger's command changes nothing");
    assertFalse(topics.inTopic(thread).stream().anyMatch(m -> m.text() != null && m.text().contains("hanya staf")),
        "the stranger was told once already, when pressing the button");
    h.api.sendToTopic(STAFF, thread, SARI, "/tutup selesai");
    SentMessage closing = h.awaitText(family, "Percakapan dengan konselor kami sudah selesai");
    assertEquals("closed", topics.find(k.id()).status());
    assertEquals("resolved", topics.find(k.id()).outcome());
    assertEquals(1, desk.count("case_referrals", k.id()));
    List<String> actions = desk.events(k.id()).stream().map(DeskStore.Event::action).toList();
    assertTrue(actions.containsAll(List.of("consent", "handoff", "topic_requested", "claim", "note", "referral", "close")), actions.toString());

    h.api.pressButton(family, closing.messageId(), "d:rate:" + k.id() + ":5");
    h.awaitText(family, "Terima kasih atas penilaian");
    assertEquals(5, desk.rating(k.id()).orElseThrow());

    // Starting again opens a new first contact linked to the earlier case (a plain message right
    // after the rating would be taken as the comment asked for: see DeskQueueServiceTest).
    h.api.sendText(family, "/start");
    until("a new case", () -> {
      try {
        return new CaseStore(h.service.database()).forChat(family).size() == 2;
      } catch (Exception e) {
        return false;
      }
    });
    assertEquals(k.id(), new CaseStore(h.service.database()).forChat(family).get(1).previousCaseId());
  }

  @Test
  void anUrgentCaseGoesAheadOfOlderNormalCasesInTheQueue() throws Exception {
    DeskStore.DeskCase normal = topics.handedOff(2101, "Budi", "anak saya tidak mau sekolah");
    h.api.sendText(2102, "/start");
    h.awaitText(2102, "Boleh kami simpan");
    h.api.sendText(2102, "aku ingin mati saja");
    h.awaitText(2102, "Konselor segera datang");
    DeskStore.DeskCase urgent = topics.topicOf(2102);
    assertTrue(h.api.callsOf("createForumTopic").stream().anyMatch(c -> c.paramsJson().contains("#" + urgent.id() + " · Krisis · URGENT")));
    SentMessage card = topics.awaitInTopic(urgent.topicThreadId(), "Tanda risiko");
    assertTrue(card.text().contains("“ingin mati”"), "the exact phrase: " + card.text());

    h.api.sendToTopic(STAFF, 1, SARI, "/antrian");
    SentMessage q = topics.awaitInTopic(1, "Antrian (2)");
    assertTrue(q.text().indexOf("#" + urgent.id()) < q.text().indexOf("#" + normal.id()), q.text());
    assertNotNull(normal.topicThreadId());
  }
}
