package id.pintu.service;

import static id.pintu.service.DeskServiceTest.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.InboxStore;
import id.pintu.store.PrivacyStore;
import id.pintu.store.SessionStore;
import id.pintu.store.TranscriptStore;
import id.pintu.testing.botapi.RecordedCall;
import id.pintu.testing.botapi.SentMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Privacy through the Bot API double on a real store: nothing kept before consent, the
 * crisis exception, withdrawal, erasure on request and the legal hold, the retention job,
 * false-alarm marks on /metrics, escaped family text on the staff card, no text in logs.
 */
class PrivacyServiceTest {
  static final long STAFF = -1001234567890L;
  static final long SARI = 501;
  static final String CONFIG = """
      desk:
        staffChatId: -1001234567890
        staff:
          - {userId: 501, role: counselor, alias: Kak Sari}
          - {userId: 503, role: supervisor, alias: Bu Ani}
      """;

  ServiceHarness h;
  Database db;
  PrivacyStore privacy;
  DeskTopics topics;

  @BeforeEach
  void start() throws Exception {
    h = ServiceHarness.unthrottledStaffGroup().withConfigFile(CONFIG).start();
    db = h.service.database();
    privacy = new PrivacyStore(db);
    topics = new DeskTopics(h, STAFF);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  // ---- 1. consent as a record ----------------------------------------------------------------

  @Test
  void beforeConsentNothingTheFamilyWroteIsStoredAndAfterYesIntakeIs() throws Exception {
    long chat = 4001;
    h.api.sendText(chat, "Halo, saya Kenanga, suami saya Kupukupu");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.sendText(chat, "nanti dulu, Kupukupu sedang pergi");
    h.awaitText(chat, "Cukup jawab");
    allProcessed();

    assertEquals(List.of(), StoredWords.find(db, "Kupukupu"), "no word of the family before consent");
    assertEquals(List.of(), StoredWords.find(db, "Kenanga"), "no word of the family before consent");
    CaseStore.Row k = new CaseStore(db).forChat(chat).get(0);
    assertNull(k.intake());
    assertNull(k.story());
    List<TranscriptStore.Row> in = incoming(chat);
    assertEquals(2, in.size(), "both messages are in the transcript, as kind and time");
    assertTrue(in.stream().allMatch(r -> r.text() == null && "text".equals(r.kind()) && r.at() != null), in.toString());

    List<PrivacyStore.ConsentEvent> shown = privacy.consents(k.id());
    assertFalse(shown.isEmpty(), "the consent question was recorded as shown");
    PrivacyStore.ConsentEvent first = shown.get(0);
    assertEquals("shown", first.event());
    assertEquals("first-contact", first.scriptId());
    assertNotNull(first.scriptVersion());
    assertEquals("id", first.lang());
    assertEquals("consent", first.nodeId());
    assertNull(privacy.basisOf(k.id()), "no basis yet");

    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama panggilan");
    h.api.sendText(chat, "Kenanga");
    h.awaitText(chat, "Berapa usia");
    allProcessed();
    PrivacyStore.ConsentEvent answered = privacy.consents(k.id()).stream().filter(e -> e.event().equals("answered")).findFirst().orElseThrow();
    assertEquals("yes", answered.answer());
    assertEquals("consent", answered.basis());
    assertEquals("consent", answered.nodeId());
    assertTrue(!answered.at().isBefore(first.at()));
    assertEquals("consent", privacy.basisOf(k.id()));
    assertTrue(new CaseStore(db).find(k.id()).orElseThrow().intake().contains("Kenanga"), "intake stored after consent");
    assertTrue(incoming(chat).stream().anyMatch(r -> "Kenanga".equals(r.text())));
  }

  @Test
  void aCrisisBeforeConsentIsKeptOnTheBasisOfVitalInterest() throws Exception {
    long chat = 4002;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.sendText(chat, "aku ingin mati saja, Kupukupu");
    h.awaitText(chat, "Konselor segera datang");
    allProcessed();
    CaseStore.Row k = new CaseStore(db).forChat(chat).get(0);
    PrivacyStore.ConsentEvent crisis = privacy.consents(k.id()).stream().filter(e -> e.event().equals("crisis")).findFirst().orElseThrow();
    assertEquals("vital_interest", crisis.basis());
    assertEquals("vital_interest", privacy.basisOf(k.id()));
    assertTrue(incoming(chat).stream().anyMatch(r -> r.text() != null && r.text().contains("ingin mati")), "the crisis message is kept");
    assertTrue(k.flags().contains("crisis") && k.flags().contains("ingin mati"), k.flags());
    assertEquals("urgent", k.priority());
  }

  @Test
  void withdrawingStopsStoringUntilANewConsent() throws Exception {
    long chat = 4003;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama panggilan");
    h.api.sendText(chat, "/berhenti");
    h.awaitText(chat, "Apakah Anda ingin berhenti");
    ServiceHarness.sleep(200);
    h.press(chat, "g:stop:yes");
    h.awaitText(chat, "kita berhenti di sini");
    allProcessed();
    long first = new CaseStore(db).forChat(chat).get(0).id();
    assertEquals("withdrawn", privacy.basisOf(first));
    PrivacyStore.ConsentEvent w = privacy.consents(first).get(privacy.consents(first).size() - 1);
    assertEquals("withdrawn", w.event());
    assertNotNull(w.at());

    int before = h.texts(chat).size();
    h.api.sendText(chat, "Zamrud ingin cerita lagi");
    until("a new first contact", () -> h.texts(chat).size() > before && h.texts(chat).get(h.texts(chat).size() - 1).contains("Boleh kami simpan"));
    allProcessed();
    assertEquals(List.of(), StoredWords.find(db, "Zamrud"), "nothing stored after the withdrawal until a new consent");
    List<CaseStore.Row> cases = new CaseStore(db).forChat(chat);
    assertEquals(2, cases.size(), "writing again starts a new case, which asks consent again");
    assertNull(privacy.basisOf(cases.get(1).id()));
  }

  // ---- 2. erasure and the legal hold ----------------------------------------------------------

  @Test
  void erasureLeavesNoTraceOfTheFamilysWordsAnywhereAndTheCounselorIsTold() throws Exception {
    long chat = 4004;
    DeskStore.DeskCase k = topics.handedOff(chat, "Kenanga", "Kupukupu Merah memukul pintu kamar");
    int thread = k.topicThreadId();
    SentMessage card = topics.awaitInTopic(thread, "Cerita (kata-kata keluarga)");
    h.api.pressButtonAs(STAFF, card.messageId(), SARI, "d:claim:" + k.id());
    topics.awaitInTopic(thread, "diambil oleh Kak Sari");
    h.api.sendToTopic(STAFF, thread, SARI, "/catatan Zamrud: tetangga tahu soal Kenanga");
    topics.awaitInTopic(thread, "Catatan disimpan");
    h.api.sendToTopic(STAFF, thread, SARI, "Halo Kenanga, saya Sari.");
    until("the counselor's message reached the family", () -> h.api.messagesTo(chat).stream().anyMatch(m -> "Halo Kenanga, saya Sari.".equals(m.text())));
    h.api.sendText(chat, "Terima kasih Kak, Kupukupu sudah pergi");
    until("the family's reply in the topic", () -> topics.inTopic(thread).stream().anyMatch(m -> m.text() != null && m.text().contains("Kupukupu sudah pergi")));
    allProcessed();
    assertFalse(StoredWords.find(db, "Kupukupu").isEmpty(), "the story is stored before the erasure (the search works)");

    h.api.sendText(chat, "/hapus");
    SentMessage ask = h.awaitText(chat, "Apakah Anda yakin?");
    assertEquals(List.of("g:erase:yes", "g:erase:no"), ServiceHarness.buttonData(ask));
    h.press(chat, "g:erase:yes");
    h.awaitText(chat, "Data Anda sudah dihapus");
    SentMessage told = topics.awaitInTopic(thread, "Keluarga meminta datanya dihapus");
    assertTrue(told.text().contains("#" + k.id()), told.text());
    allProcessed();

    for (String word : List.of("Kupukupu", "Kenanga", "Zamrud", "memukul pintu")) {
      assertEquals(List.of(), StoredWords.find(db, word), "'" + word + "' left in the store after erasure");
    }
    CaseStore.Row after = new CaseStore(db).find(k.id()).orElseThrow();
    assertEquals("closed", after.status());
    assertEquals("erased", after.outcome());
    assertEquals(1, privacy.purges(k.id()), "the minimal record that the erasure happened");
    assertTrue(new SessionStore(db).find(chat).isEmpty(), "the session is gone");
    assertTrue(new DeskStore(db).events(k.id()).stream().anyMatch(e -> e.action().equals("erasure")));

    // The family can come back: a fresh first contact, asking consent again.
    int before = h.texts(chat).size();
    h.api.sendText(chat, "/start");
    until("a fresh start", () -> h.texts(chat).size() > before + 1 && h.texts(chat).get(h.texts(chat).size() - 1).contains("Boleh kami simpan"));
  }

  @Test
  void aLegalHoldKeepsTheDataAndTheFamilyIsToldWhy() throws Exception {
    long chat = 4005;
    DeskStore.DeskCase k = topics.handedOff(chat, "Kenanga", "Kupukupu Merah memukul pintu kamar");
    int thread = k.topicThreadId();
    h.api.sendToTopic(STAFF, thread, 503, "/tahan kasus perlindungan anak aktif");
    topics.awaitInTopic(thread, "ditahan");

    h.api.sendText(chat, "/delete");
    h.awaitText(chat, "Apakah Anda yakin?");
    h.press(chat, "g:erase:yes");
    SentMessage why = h.awaitText(chat, "belum bisa kami hapus");
    assertTrue(why.text().contains("perlindungan") && why.text().contains("konselor"), why.text());
    topics.awaitInTopic(thread, "tetapi kasus #" + k.id() + " ditahan (kasus perlindungan anak aktif)");
    allProcessed();
    assertFalse(StoredWords.find(db, "Kupukupu").isEmpty(), "nothing erased under a hold");
    CaseStore.Row kept = new CaseStore(db).find(k.id()).orElseThrow();
    assertTrue(kept.story().contains("Kupukupu"));
    assertEquals(0, privacy.purges(k.id()));
    List<String> actions = new DeskStore(db).events(k.id()).stream().map(DeskStore.Event::action).toList();
    assertTrue(actions.contains("legal_hold") && actions.contains("erasure_held"), actions.toString());

    // Once the hold is lifted, the same request erases.
    h.api.sendToTopic(STAFF, thread, 503, "/lepastahan");
    topics.awaitInTopic(thread, "dilepas");
    h.api.sendText(chat, "/hapus");
    until("asked again", () -> h.texts(chat).stream().filter(t -> t.contains("Apakah Anda yakin?")).count() == 2);
    ServiceHarness.sleep(200);
    h.press(chat, "g:erase:yes");
    h.awaitText(chat, "Data Anda sudah dihapus");
    allProcessed();
    assertEquals(List.of(), StoredWords.find(db, "Kupukupu"));
  }

  // ---- 3. retention -----------------------------------------------------------------------------

  @Test
  void theRetentionJobDeletesExactlyTheCasesPastTheirDateAndCountsSurvive() throws Exception {
    long oldChat = 4006;
    long newChat = 4007;
    long oldCase = topics.handedOff(oldChat, "Anggrek", "Kupukupu Tua datang malam").id();
    long newCase = topics.handedOff(newChat, "Teratai", "Capung Muda datang pagi").id();
    allProcessed();
    Instant now = Instant.parse("2027-06-01T03:00:00Z");
    closeAt(oldCase, now.minus(Duration.ofDays(366)));
    closeAt(newCase, now.minus(Duration.ofDays(364)));
    long oldRows = count("SELECT COUNT(*) FROM transcript WHERE case_id = " + oldCase);
    long newRows = count("SELECT COUNT(*) FROM transcript WHERE case_id = " + newCase);

    assertEquals(1, h.service.retention().run(now));

    for (String word : List.of("Anggrek", "Kupukupu Tua")) assertEquals(List.of(), StoredWords.find(db, word), word);
    assertFalse(StoredWords.find(db, "Teratai").isEmpty(), "the younger case is kept");
    assertFalse(StoredWords.find(db, "Capung Muda").isEmpty(), "the younger case is kept");
    CaseStore.Row old = new CaseStore(db).find(oldCase).orElseThrow();
    assertNull(old.intake());
    assertNull(old.story());
    assertEquals("closed", old.status());
    assertEquals("resolved", old.outcome());
    assertEquals("normal", old.priority());
    assertNotNull(old.openedAt());
    assertNotNull(old.handedOffAt());
    assertEquals(now.minus(Duration.ofDays(366)), old.closedAt());
    assertEquals(oldRows, count("SELECT COUNT(*) FROM transcript WHERE case_id = " + oldCase), "message counts survive");
    assertEquals(newRows, count("SELECT COUNT(*) FROM transcript WHERE case_id = " + newCase));
    assertEquals(0, count("SELECT COUNT(*) FROM transcript WHERE text IS NOT NULL AND case_id = " + oldCase));
    assertEquals(2, count("SELECT COUNT(*) FROM cases WHERE status = 'closed'"), "case counts survive");
    assertEquals(1, privacy.purges(oldCase));
    assertEquals(0, privacy.purges(newCase));
    assertEquals(0, h.service.retention().run(now), "a second run finds nothing more");
    assertEquals(1, h.service.retention().run(now.plus(Duration.ofDays(2))), "two days later the other is due");
  }

  // ---- 4. false alarms ---------------------------------------------------------------------------

  @Test
  void aCounselorMarksAFalseAlarmAndItIsCountedOnMetricsOnce() throws Exception {
    long chat = 4008;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.sendText(chat, "capek ujian, rasanya ingin mati");
    h.awaitText(chat, "Konselor segera datang");
    DeskStore.DeskCase k = topics.topicOf(chat);
    int thread = k.topicThreadId();
    SentMessage card = topics.awaitInTopic(thread, "URGENT");
    assertTrue(ServiceHarness.buttonData(card).contains("d:falsealarm:" + k.id()), "a crisis card offers the false-alarm button");
    h.api.sendToTopic(STAFF, thread, SARI, "/bukandarurat");
    topics.awaitInTopic(thread, "alarm palsu (suicide_self_harm)");
    h.api.pressButtonAs(STAFF, card.messageId(), SARI, "d:falsealarm:" + k.id());
    until("the button says it is marked already", () -> h.api.callsOf("answerCallbackQuery").stream()
        .anyMatch(c -> c.paramsJson().contains("sudah ditandai")));
    assertTrue(new DeskStore(db).events(k.id()).stream().anyMatch(e -> e.action().equals("false_alarm") && e.actorUserId() == SARI));

    AdminHttp http = new AdminHttp(h);
    String series = "pintu_crisis_false_alarms_total{category=\"suicide_self_harm\"} 1.0";
    String[] body = {""};
    until("the false alarm on /metrics", () -> {
      try {
        HttpResponse<String> r = http.get("/metrics", null);
        body[0] = r.body();
        return r.statusCode() == 200 && body[0].contains(series);
      } catch (Exception e) {
        return false;
      }
    });
    assertFalse(body[0].contains("ujian"), "no family text on /metrics");
  }

  // ---- 5. safe output ----------------------------------------------------------------------------

  @Test
  void anInjectionInTheNameReachesTheStaffCardEscapedAndNoLogLineCarriesTheStory() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level was = root.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    var console = root.getAppender("STDOUT");
    if (console != null) root.detachAppender(console); // keep the build output readable
    root.setLevel(Level.DEBUG); // everything is produced; the check is on INFO and above
    String name = "<b>x</b><a href=\"http://evil\">";
    String story = "Kakak saya Bambang Permadi dipukul di dapur kemarin malam";
    DeskStore.DeskCase k;
    try {
      k = topics.handedOff(4009, name, story);
      topics.awaitInTopic(k.topicThreadId(), "Cerita (kata-kata keluarga)");
      allProcessed();
    } finally {
      root.setLevel(was);
      root.detachAppender(logs);
      if (console != null) root.addAppender(console);
    }
    for (ILoggingEvent e : logs.list) {
      if (!e.getLevel().isGreaterOrEqual(Level.INFO)) continue;
      String line = e.getFormattedMessage();
      assertFalse(line.contains("Bambang") || line.contains("dapur") || line.contains("evil"), "family text in a log line: " + line);
    }
    assertTrue(logs.list.size() > 10, "the walk's log lines were captured (the check ran on them): " + logs.list.size());

    ObjectMapper json = new ObjectMapper();
    JsonNode card = null;
    for (RecordedCall c : h.api.callsOf("sendMessage")) {
      JsonNode p = json.readTree(c.paramsJson());
      if (p.path("text").asText().contains("Cerita (kata-kata keluarga)")) card = p;
    }
    assertNotNull(card, "the card was sent");
    assertEquals("HTML", card.path("parse_mode").asText());
    String html = card.path("text").asText();
    assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;&lt;a href=&quot;http://evil&quot;&gt;")
        || html.contains("&lt;b&gt;x&lt;/b&gt;&lt;a href=\"http://evil\"&gt;"), html);
    assertFalse(html.contains("<a href") || html.contains("<b>x"), "the name never reaches the HTML unescaped: " + html);
  }

  // ---- helpers -------------------------------------------------------------------------------------

  List<TranscriptStore.Row> incoming(long chat) throws Exception {
    return new TranscriptStore(db).forChat(chat).stream().filter(r -> r.direction().equals("in")).toList();
  }

  /** Every update processed and every reply sent: the store is at rest. */
  void allProcessed() throws Exception {
    InboxStore inbox = new InboxStore(db);
    until("the store at rest", () -> {
      try {
        return inbox.backlog() == 0 && count("SELECT COUNT(*) FROM outbox_pending") == 0;
      } catch (Exception e) {
        return false;
      }
    });
  }

  void closeAt(long caseId, Instant at) throws Exception {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("UPDATE cases SET status = 'closed', outcome = 'resolved', closed_at = ? WHERE id = ?")) {
      p.setTimestamp(1, Timestamp.from(at));
      p.setLong(2, caseId);
      assertEquals(1, p.executeUpdate());
    }
  }

  long count(String sql) throws Exception {
    try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

}
