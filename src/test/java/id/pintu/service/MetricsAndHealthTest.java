package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.net.TcpProxy;
import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.testing.botapi.SentMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/** {@code /metrics} and {@code /health/ready} over real HTTP. */
class MetricsAndHealthTest {

  @Test
  void metricsExposeTheNamedSeries() throws Exception {
    try (ServiceHarness h = new ServiceHarness()) {
      AdminHttp.withTokensAndOwnDialogs(h);
      h.start();
      AdminHttp http = new AdminHttp(h);
      FirstContactWalk.walk(h, 3001); // a handoff
      h.api.sendText(3002, "/start");
      h.awaitText(3002, "Boleh kami simpan");
      h.api.sendText(3002, "aku ingin mati saja"); // a crisis flag
      h.awaitText(3002, "SAPA 129");
      h.api.sendText(3003, "/start");
      h.awaitText(3003, "Boleh kami simpan");
      h.api.sendText(3003, "/stop");
      h.awaitText(3003, "Boleh kami simpan");
      ServiceHarness.sleep(300);
      h.press(3003, "g:stop:yes"); // a family leaving at the consent question

      String body = "";
      long deadline = System.currentTimeMillis() + 15_000;
      while (System.currentTimeMillis() < deadline) {
        HttpResponse<String> r = http.get("/metrics", null);
        assertEquals(200, r.statusCode());
        body = r.body();
        if (body.contains("pintu_dropoffs_total{") && body.contains("pintu_queue_length 2.0")) break;
        ServiceHarness.sleep(300);
      }
      for (String series : new String[] {"pintu_updates_in_total", "pintu_messages_out_total", "pintu_telegram_429_total",
          "pintu_send_retries_total", "pintu_send_failed_total", "pintu_courtesy_dropped_total", "pintu_handoffs_total{priority=\"normal\",queue=\"general\"}",
          "pintu_handoffs_total{priority=\"urgent\",queue=\"crisis\"}", "pintu_crisis_flags_total 1.0", "pintu_queue_length 2.0",
          "pintu_inbox_backlog", "pintu_outbox_backlog",
          "pintu_dropoffs_total{how=\"stopped\",node=\"consent\",script=\"first-contact\"} 1.0",
          "pintu_time_to_claim_seconds_count{priority=\"urgent\"}", "pintu_time_to_first_reply_seconds_count{priority=\"normal\"}"}) {
        assertTrue(body.contains(series), series + " missing in:\n" + body);
      }
      assertTrue(!body.contains("Rina") && !body.contains("ingin mati"), "no personal data in metrics");
      if (!h.service.database().postgres()) {
        // Every acknowledged update, every reply and its marking as sent wait for a write-out
        // of the H2 file. How many are shared depends on timing (on a busy machine few are), so
        // this asserts only that they are counted and bounded by the writes that need them.
        double writeOuts = metric(http, "pintu_store_writeouts_total");
        double updates = metric(http, "pintu_updates_in_total");
        double sent = metric(http, "pintu_messages_out_total");
        assertTrue(writeOuts >= 1 && writeOuts <= 2 * (updates + sent), writeOuts + " write-outs for " + updates + " updates and " + sent + " messages");
        assertTrue(metric(http, "pintu_store_writeout_seconds_total") > 0, "time spent writing out is measured");
      }
    }
  }

  @Test
  void timeToClaimAndToFirstCounselorReplyAreMeasuredOncePerCase() throws Exception {
    MovableClock clock = new MovableClock();
    try (ServiceHarness h = ServiceHarness.unthrottledStaffGroup()) {
      AdminHttp.withTokensAndOwnDialogs(h);
      h.withConfigFile(DeskServiceTest.CONFIG).start(clock);
      AdminHttp http = new AdminHttp(h);
      assertEquals(0.0, metric(http, "pintu_time_to_claim_seconds_count{priority=\"normal\"}"), "the series exist before any case");

      long family = 3101;
      FirstContactWalk.walk(h, family);
      long caseId = new CaseStore(h.service.database()).forChat(family).get(0).id();
      DeskStore desk = new DeskStore(h.service.database());
      DeskServiceTest.until("the case topic", () -> find(desk, caseId).topicThreadId() != null);
      int thread = find(desk, caseId).topicThreadId();
      SentMessage card = awaitCard(h, caseId);

      clock.advance(Duration.ofSeconds(90)); // the case waits a minute and a half in the queue
      h.api.pressButtonAs(DeskServiceTest.STAFF, card.messageId(), DeskServiceTest.SARI, "d:claim:" + caseId);
      h.awaitText(family, "Kak Sari, konselor kami, sudah bergabung");
      clock.advance(Duration.ofSeconds(30)); // then half a minute until her first words
      h.api.sendToTopic(DeskServiceTest.STAFF, thread, DeskServiceTest.SARI, "Halo, saya Sari.");
      h.awaitText(family, "Halo, saya Sari.");
      h.api.sendToTopic(DeskServiceTest.STAFF, thread, DeskServiceTest.SARI, "Saya di sini.");
      h.awaitText(family, "Saya di sini.");

      assertEquals(1.0, metric(http, "pintu_time_to_claim_seconds_count{priority=\"normal\"}"));
      assertEquals(1.0, metric(http, "pintu_time_to_first_reply_seconds_count{priority=\"normal\"}"), "only the first reply counts");
      double claim = metric(http, "pintu_time_to_claim_seconds_sum{priority=\"normal\"}");
      double reply = metric(http, "pintu_time_to_first_reply_seconds_sum{priority=\"normal\"}");
      assertTrue(claim >= 90 && claim < 90 + 60, "measured from the handoff: " + claim);
      assertTrue(reply >= 30 && reply < 30 + 60, "measured from the claim: " + reply);
      assertEquals(1.0, metric(http, "pintu_time_to_claim_seconds_bucket{priority=\"normal\",le=\"120.0\"}"), "a bucket an admin can read");
      assertEquals(0.0, metric(http, "pintu_time_to_claim_seconds_bucket{priority=\"normal\",le=\"60.0\"}"));
      assertEquals(0.0, metric(http, "pintu_time_to_claim_seconds_count{priority=\"urgent\"}"));
    }
  }

  static DeskStore.DeskCase find(DeskStore desk, long caseId) {
    try {
      return desk.find(caseId).orElseThrow();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static SentMessage awaitCard(ServiceHarness h, long caseId) {
    String claim = "\"d:claim:" + caseId + "\"";
    DeskServiceTest.until("the handover card", () -> h.api.messagesTo(DeskServiceTest.STAFF).stream()
        .anyMatch(m -> m.replyMarkupJson() != null && m.replyMarkupJson().contains(claim)));
    return h.api.messagesTo(DeskServiceTest.STAFF).stream().filter(m -> m.replyMarkupJson() != null && m.replyMarkupJson().contains(claim))
        .findFirst().orElseThrow();
  }

  /** The value of one series line on /metrics (the exact name with its labels). */
  static double metric(AdminHttp http, String series) throws Exception {
    String body = http.get("/metrics", null).body();
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
    if (!m.find()) throw new AssertionError(series + " missing in:\n" + body);
    return Double.parseDouble(m.group(1));
  }

  /** /health/ready until {@code done} holds for its answer (or 20 s passed); the last answer. */
  static HttpResponse<String> readyUntil(AdminHttp http, java.util.function.Predicate<HttpResponse<String>> done) throws Exception {
    HttpResponse<String> r = http.get("/health/ready", null);
    long deadline = System.currentTimeMillis() + 20_000;
    while (!done.test(r) && System.currentTimeMillis() < deadline) {
      ServiceHarness.sleep(200);
      r = http.get("/health/ready", null);
    }
    return r;
  }

  @Test
  void aTelegramOutageIsReportedButDoesNotTakeTheNodeOut() throws Exception {
    try (ServiceHarness h = new ServiceHarness()) {
      h.set("PINTU_ADMIN_TELEGRAM_CHECK_SECONDS", "1").start();
      AdminHttp http = new AdminHttp(h);
      HttpResponse<String> up = readyUntil(http, r -> r.body().contains("\"checked_at\":\"")); // the first check answered
      assertEquals(200, up.statusCode(), up.body());
      JsonNode t = AdminApiTest.json(up).get("telegram");
      assertTrue(t.get("reachable").asBoolean(), up.body());
      assertEquals(0, t.get("pending_update_count").asInt(), up.body());
      assertEquals("none (long polling)", t.get("webhook").asText(), up.body());
      assertEquals("ok", AdminApiTest.json(up).get("botApi").asText(), up.body());
      assertEquals(0.0, metric(http, "pintu_outbox_backlog"));

      // The Bot API answers 500 to every call but getUpdates: the family's reply cannot leave.
      h.api.failures().serverErrorsFor(Duration.ofSeconds(15), 500);
      h.api.sendText(3201, "/start");
      HttpResponse<String> during = readyUntil(http, r -> r.body().contains("\"botApi\":\"failing since")
          && r.body().contains("\"reachable\":false"));
      assertEquals(200, during.statusCode(), "an outage of Telegram does not take the node out: " + during.body());
      assertTrue(AdminApiTest.json(during).get("botApi").asText().contains("http 500"), during.body());
      assertFalse(during.body().contains("reasons"), during.body());
      ChildService.waitUntil(() -> metric(http, "pintu_outbox_backlog") > 0, Duration.ofSeconds(12), "the outbox gauge to show the waiting replies");
      assertTrue(metric(http, "pintu_send_retries_total") > 0, "the failed sends are counted");

      h.awaitText(3201, "Boleh kami simpan"); // after the outage, the replies leave
      HttpResponse<String> back = readyUntil(http, r -> r.body().contains("\"botApi\":\"ok\""));
      assertEquals(200, back.statusCode(), back.body());
      ChildService.waitUntil(() -> metric(http, "pintu_outbox_backlog") == 0, Duration.ofSeconds(12), "the outbox gauge back at 0");

      // A 429 from Telegram moves its counter.
      double before = metric(http, "pintu_telegram_429_total");
      h.api.failures().tooManyRequests(1, 1);
      h.press(3201, "n:consent:yes");
      h.awaitText(3201, "Siapa nama panggilan");
      ChildService.waitUntil(() -> metric(http, "pintu_telegram_429_total") > before, Duration.ofSeconds(10), "the 429 counter to go up");
      assertTrue(h.api.tooManyRequestsAnswered() >= 1, "the double answered 429");
    }
  }

  @Test
  void updatesThatCannotBeProcessedHereTakeTheNodeOut() throws Exception {
    try (ServiceHarness h = new ServiceHarness()) {
      h.set("PINTU_ADMIN_READY_INBOX_BACKLOG", "0").start();
      AdminHttp http = new AdminHttp(h);
      long chat = 3301;
      h.api.sendText(chat, "/start");
      h.awaitText(chat, "Boleh kami simpan");
      assertEquals(200, readyUntil(http, r -> r.statusCode() == 200).statusCode());
      // Another client holds the family's session row: their next updates wait in the inbox.
      try (java.sql.Connection c = h.service.database().connection()) {
        c.setAutoCommit(false);
        try (var p = c.prepareStatement("SELECT * FROM sessions WHERE chat_id = ? FOR UPDATE")) {
          p.setLong(1, chat);
          p.executeQuery().close();
        }
        h.api.sendText(chat, "halo");
        HttpResponse<String> stuck = readyUntil(http, r -> r.statusCode() == 503);
        assertEquals(503, stuck.statusCode(), stuck.body());
        assertTrue(stuck.body().contains("1 chats have updates waiting to be processed (limit 0)"), stuck.body());
        ChildService.waitUntil(() -> metric(http, "pintu_inbox_backlog") > 0, Duration.ofSeconds(12), "the inbox gauge to show it");
        c.rollback();
      }
      assertEquals(200, readyUntil(http, r -> r.statusCode() == 200).statusCode(), "ready again once it is processed");
      ChildService.waitUntil(() -> metric(http, "pintu_inbox_backlog") == 0, Duration.ofSeconds(12), "the inbox gauge back at 0");
    }
  }

  @Test
  void webhookModeReportsTheWebhookAndTelegramsPendingUpdates() throws Exception {
    // A port held for the whole test but never listened on: connections to it are refused, so
    // Telegram cannot deliver and updates pile up on its side. (A port bound and released
    // could be handed to the service's own HTTP server, which would then take the webhook.)
    try (java.net.Socket held = new java.net.Socket()) {
      held.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      webhookModeReports("http://127.0.0.1:" + held.getLocalPort() + "/telegram/webhook");
    }
  }

  private void webhookModeReports(String hook) throws Exception {
    try (ServiceHarness h = new ServiceHarness()) {
      h.set("PINTU_TELEGRAM_MODE", "webhook").set("PINTU_TELEGRAM_WEBHOOK_URL", hook).set("PINTU_TELEGRAM_WEBHOOK_SECRET", "s3cret")
          .set("PINTU_ADMIN_TELEGRAM_CHECK_SECONDS", "1").start();
      AdminHttp http = new AdminHttp(h);
      h.api.sendText(4001, "/start");
      h.api.sendText(4002, "/start");
      HttpResponse<String> r = readyUntil(http, x -> x.body().contains("\"pending_update_count\":2") && x.body().contains("webhook_last_error\""));
      JsonNode t = AdminApiTest.json(r).get("telegram");
      assertEquals(2, t.get("pending_update_count").asInt(), r.body());
      assertEquals("set", t.get("webhook").asText(), r.body());
      assertTrue(t.get("webhook_last_error").asText().length() > 0, r.body());
      assertFalse(r.body().contains(hook), "the address is not shown: " + r.body());
    }
  }

  @Test
  void readinessFollowsTheStore() throws Exception {
    Path data = Files.createTempDirectory("pintu-h2");
    // Port 0: the H2 server takes a free port itself and says which (no bind-and-release race).
    Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", data.toString()).start();
    try (TcpProxy proxy = new TcpProxy(h2.getPort()); ServiceHarness h = new ServiceHarness()) {
      h.set("PINTU_STORE_URL", "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/pintu");
      h.start();
      AdminHttp http = new AdminHttp(h);
      assertEquals(200, http.get("/health/ready", null).statusCode());
      assertTrue(http.get("/health/ready", null).body().contains("\"inbox_backlog\":0"));
      // A family is answered on an H2 server too (the sender once failed there on every tick).
      h.api.sendText(4101, "/start");
      h.awaitText(4101, "Boleh kami simpan");

      proxy.stop();
      HttpResponse<String> down = http.get("/health/ready", null);
      assertEquals(503, down.statusCode(), down.body());
      assertTrue(down.body().contains("\"store\":\"down\""), down.body());
      assertEquals(200, http.get("/health/live", null).statusCode(), "alive all the same");

      proxy.start();
      HttpResponse<String> r = http.get("/health/ready", null);
      long deadline = System.currentTimeMillis() + 20_000;
      while (r.statusCode() != 200 && System.currentTimeMillis() < deadline) {
        ServiceHarness.sleep(200);
        r = http.get("/health/ready", null);
      }
      assertEquals(200, r.statusCode(), "ready again once the store is back: " + r.body());
    } finally {
      h2.stop();
    }
  }
}
