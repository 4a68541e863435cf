package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.pintu.store.AuditLog;
import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.store.InboxStore;
import id.pintu.store.TranscriptStore;
import id.pintu.testing.TestStore;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The core store paths on PostgreSQL in every normal build, whatever {@code PINTU_TEST_STORE}
 * says: a long-polling first contact, a webhook redelivery, and an admin publish followed by a
 * desk claim. The whole suite runs on PostgreSQL with {@code -DPINTU_TEST_STORE=postgres}.
 * Skipped (not failed) only when no PostgreSQL answers; CI starts one ({@code .ci/run}).
 */
@Tag("pg")
class PostgresParityTest {
  static final String SECRET = "s3cret-for-tests-only";

  @BeforeAll
  static void postgresIsThere() {
    String why = TestStore.postgresUnreachable();
    assumeTrue(why == null, () -> "PostgresParityTest skipped: " + why
        + " (set PINTU_TEST_PG_URL / PINTU_TEST_PG_USER, or start PostgreSQL as .ci/run does)");
  }

  static ServiceHarness onPostgres(RateLimits limits) throws Exception {
    ServiceHarness h = new ServiceHarness(limits, TestStore.Kind.POSTGRES);
    assertTrue(h.store.postgres());
    return h;
  }

  @Test
  void longPollingFirstContactEndsInAStoredCase() throws Exception {
    try (ServiceHarness h = onPostgres(RateLimits.telegramLike()).start()) {
      assertTrue(h.service.database().postgres(), "the service runs on PostgreSQL");
      FirstContactWalk.walk(h, 3001);
      List<CaseStore.Row> cases = new CaseStore(h.service.database()).forChat(3001);
      assertEquals(1, cases.size());
      CaseStore.Row c = cases.get(0);
      assertEquals("waiting", c.status());
      assertTrue(c.intake().contains("\"name\":\"Rina\""), c.intake());
      assertTrue(c.story().indexOf("Anak saya tidak mau sekolah") < c.story().indexOf("Saya bingung harus bagaimana"), c.story());
      assertNotNull(c.openedAt());
      List<TranscriptStore.Row> t = new TranscriptStore(h.service.database()).forChat(3001);
      assertTrue(t.stream().anyMatch(r -> r.direction().equals("in") && "Saya bingung harus bagaimana".equals(r.text())));
      assertEquals(0, new InboxStore(h.service.database()).backlog(), "every update processed");
    }
  }

  @Test
  void theSameWebhookUpdateDeliveredThreeTimesIsStoredAndAnsweredOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (ServiceHarness h = onPostgres(RateLimits.telegramLike())) {
      h.set("PINTU_TELEGRAM_MODE", "webhook")
          .set("PINTU_HTTP_PORT", Integer.toString(port))
          .set("PINTU_TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/webhook")
          .set("PINTU_TELEGRAM_WEBHOOK_SECRET", SECRET)
          .start();
      String update = "{\"update_id\": 655010, \"message\": {\"message_id\": 1, \"date\": 1700000000,"
          + " \"chat\": {\"id\": 3003, \"type\": \"private\"}, \"from\": {\"id\": 3003, \"is_bot\": false, \"first_name\": \"B\"},"
          + " \"text\": \"/start\"}}";
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(200, post(http, port, update).statusCode());
      List<SentMessage> first = h.await(3003, 2);
      assertEquals(200, post(http, port, update).statusCode());
      assertEquals(200, post(http, port, update).statusCode());
      ServiceHarness.sleep(1_000);
      assertEquals(first.size(), h.api.messagesTo(3003).size(), "a redelivery sends nothing again: " + h.texts(3003));
      try (Connection c = h.service.database().connection();
           ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(status) FROM inbox WHERE update_id = 655010")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
        assertEquals("done", rs.getString(2));
      }
    }
  }

  @Test
  void anAdminPublishesAVersionThenTwoCounselorsClaimTheCaseAndOneWins() throws Exception {
    try (ServiceHarness h = onPostgres(RateLimits.telegramLike().withGroupPerMinute(100_000))) {
      var dialogs = AdminHttp.withTokensAndOwnDialogs(h);
      h.set("PINTU_SENDING_PER_GROUP_PER_MINUTE", "100000").withConfigFile(DeskServiceTest.CONFIG).start();
      AdminHttp http = new AdminHttp(h);

      String v1 = Files.readString(dialogs.resolve("first-contact.yaml"));
      String v2 = v1.replace("Halo, selamat datang.", "Halo lagi, selamat datang di versi baru.");
      HttpResponse<String> put = http.call("PUT", "/admin/scripts/first-contact?comment=pg", AdminHttp.ADMIN, v2);
      assertEquals(201, put.statusCode(), put.body());
      assertEquals(2, AdminApiTest.json(put).get("version").asInt(), put.body());
      var script = AdminApiTest.json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER));
      assertEquals("pg", script.get("history").get(0).get("comment").asText(), script.toString());

      long family = 3101;
      h.api.sendText(family, "/start");
      h.awaitText(family, "Halo lagi, selamat datang di versi baru.");
      h.awaitText(family, "Boleh kami simpan");
      h.press(family, "n:consent:yes");
      h.awaitText(family, "Siapa nama");
      h.api.sendText(family, "Rina");
      h.awaitText(family, "Berapa usia");
      h.api.sendText(family, "34");
      h.awaitText(family, "Ceritakan apa");
      h.api.sendText(family, "suami marah");
      ServiceHarness.sleep(200);
      h.press(family, "g:done:story");
      h.awaitText(family, "Konselor akan segera");

      DeskStore desk = new DeskStore(h.service.database());
      long caseId = new CaseStore(h.service.database()).forChat(family).get(0).id();
      DeskServiceTest.until("the topic of case " + caseId, () -> topic(desk, caseId) != null);
      int thread = topic(desk, caseId);
      DeskServiceTest.until("the handover card", () -> card(h, thread) != null);
      SentMessage card = card(h, thread);

      h.api.pressButtonAs(DeskServiceTest.STAFF, card.messageId(), DeskServiceTest.SARI, "d:claim:" + caseId);
      h.api.pressButtonAs(DeskServiceTest.STAFF, card.messageId(), DeskServiceTest.ADI, "d:claim:" + caseId);
      DeskServiceTest.until("the loser told", () -> h.api.callsOf("answerCallbackQuery").stream()
          .anyMatch(c -> c.paramsJson().contains("sudah diambil oleh")));
      DeskStore.DeskCase k = desk.find(caseId).orElseThrow();
      assertEquals("claimed", k.status());
      assertTrue(k.claimedBy() == DeskServiceTest.SARI || k.claimedBy() == DeskServiceTest.ADI, "one counselor holds it: " + k.claimedBy());
      assertEquals(1, desk.events(caseId).stream().filter(e -> e.action().equals("claim")).count(), "one claim event: " + desk.events(caseId));

      List<AuditLog.Entry> log = new AuditLog(h.service.database()).recent(50);
      assertTrue(log.stream().anyMatch(e -> e.action().equals("script.publish") && e.target().equals("first-contact v2")), log.toString());
    }
  }

  static Integer topic(DeskStore desk, long caseId) {
    try {
      return desk.find(caseId).orElseThrow().topicThreadId();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static SentMessage card(ServiceHarness h, int thread) {
    return h.api.messagesTo(DeskServiceTest.STAFF).stream()
        .filter(m -> m.threadId() != null && m.threadId() == thread && m.text() != null && m.text().contains("Cerita (kata-kata keluarga)"))
        .findFirst().orElse(null);
  }

  static HttpResponse<String> post(HttpClient http, int port, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
