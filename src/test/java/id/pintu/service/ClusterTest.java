package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.pintu.testing.ExpectedReplies;
import id.pintu.testing.TestStore;
import id.pintu.testing.botapi.FailurePlan;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two Pintu nodes, each its own process, on one PostgreSQL, behind a load balancer: the Bot
 * API double delivers each webhook update to one of the two at random (several at once, one
 * per chat at a time, like Telegram), and to the other when one refuses or is gone. Runs in
 * every normal build; skipped (with the reason) only when no PostgreSQL answers.
 */
@Tag("pg")
class ClusterTest {
  static final String SECRET = "cluster-secret-for-tests-only";
  static final int FAMILIES = 200;
  static final long FIRST_CHAT = 70_000;
  static final List<String> INPUTS = CrashRestartTest.INPUTS;
  /** The leader lock's first key ('PNTU'), as store/ClusterLeader takes it. */
  static final int LEADER_KEY_CLASS = 0x504E5455;

  @BeforeAll
  static void postgresIsThere() {
    String why = TestStore.postgresUnreachable();
    assumeTrue(why == null, () -> "ClusterTest skipped: " + why + " (start PostgreSQL as .ci/run does)");
  }

  @Test
  void twoHundredFamiliesOverTwoNodesAndTheLeaderKilledHalfway() throws Exception {
    try (ServiceHarness h = new ServiceHarness(RateLimits.disabled(), TestStore.Kind.POSTGRES)) {
      int portA = freePort();
      int portB = freePort();
      h.set("PINTU_TELEGRAM_MODE", "webhook").set("PINTU_TELEGRAM_WEBHOOK_SECRET", SECRET)
          .set("PINTU_TELEGRAM_WEBHOOK_URL", hook(portA))
          .set("PINTU_SENDING_GLOBAL_PER_SECOND", "1000").set("PINTU_SENDING_PER_CHAT_BURST", "50")
          .set("PINTU_SENDING_PER_CHAT_PER_SECOND", "50").set("PINTU_SENDING_WORKERS", "16");
      Map<Long, List<String>> expected = new ExpectedReplies(ServiceHarness.TEST_DIALOGS).forFamilies(INPUTS, FIRST_CHAT, FAMILIES);
      int total = expected.values().stream().mapToInt(List::size).sum();

      Process a = startNode(h, portA, "a", null);
      Process b = startNode(h, portB, "b", null);
      try {
        h.api.balanceWebhook(List.of(hook(portA), hook(portB)), 16);
        for (int step = 0; step < INPUTS.size(); step++) {
          for (int f = 0; f < FAMILIES; f++) {
            h.api.sendText(FIRST_CHAT + f, INPUTS.get(step).replace("NAME", "Nama" + f));
          }
        }
        ChildService.waitUntil(() -> delivered(h) >= total / 2, Duration.ofSeconds(90), "half of the replies");
        Map<String, Integer> perNode = h.api.webhookDeliveredTo();
        assertTrue(perNode.getOrDefault(hook(portA), 0) > 0 && perNode.getOrDefault(hook(portB), 0) > 0,
            "both nodes took updates: " + perNode);

        Process leader = leads(h, a) ? a : b;
        Process survivor = leader == a ? b : a;
        assertTrue(leads(h, leader) && !leads(h, survivor), "exactly one node leads");
        // Freeze Telegram's answers so no reply is accepted at the instant of the kill (one
        // accepted but not yet marked sent would be sent again: docs/ARCHITECTURE.md).
        h.api.failures().timeoutsFor(Duration.ofMinutes(5), FailurePlan.Silence.HANG);
        ServiceHarness.sleep(2_000);
        int before = delivered(h);
        leader.destroyForcibly().waitFor();
        h.api.failures().clear();
        assertTrue(before < total, "the kill happened halfway (" + before + " of " + total + ")");

        ChildService.waitUntil(() -> leads(h, survivor), Duration.ofSeconds(15), "the survivor to lead");
        ChildService.waitUntil(() -> delivered(h) >= total, Duration.ofSeconds(120),
            "every reply after the kill (" + total + ")");
        ServiceHarness.sleep(1_500); // anything doubled would show up now
        for (var e : expected.entrySet()) {
          List<String> got = h.api.messagesTo(e.getKey()).stream().map(SentMessage::text).toList();
          assertEquals(e.getValue(), got, "chat " + e.getKey() + ": every reply once, in order");
        }
      } finally {
        stop(a);
        stop(b);
      }
      try (Connection c = h.store.connect()) {
        assertEquals(List.of("done=" + FAMILIES * INPUTS.size()), statuses(c), "every update stored once and processed once");
        // Processing order: each chat's messages entered the transcript in update_id order.
        Map<Long, Long> last = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT chat_id, update_id FROM transcript WHERE direction = 'in' ORDER BY id")) {
          int n = 0;
          while (rs.next()) {
            long chat = rs.getLong(1);
            long update = rs.getLong(2);
            Long prev = last.put(chat, update);
            assertTrue(prev == null || prev < update, "chat " + chat + ": update " + update + " processed after " + prev);
            n++;
          }
          assertEquals(FAMILIES * INPUTS.size(), n, "one transcript row per update");
        }
      }
    }
  }

  @Test
  void twoCounselorsOnDifferentNodesClaimTheSameCaseAndExactlyOneWins() throws Exception {
    try (ServiceHarness h = new ServiceHarness(RateLimits.telegramLike().withGroupPerMinute(100_000), TestStore.Kind.POSTGRES)) {
      int portA = freePort();
      int portB = freePort();
      h.set("PINTU_TELEGRAM_MODE", "webhook").set("PINTU_TELEGRAM_WEBHOOK_SECRET", SECRET)
          .set("PINTU_TELEGRAM_WEBHOOK_URL", hook(portA)).set("PINTU_SENDING_PER_GROUP_PER_MINUTE", "100000")
          .withConfigFile(DeskServiceTest.CONFIG);
      Process a = startNode(h, portA, "claim-a", h.configFile);
      Process b = startNode(h, portB, "claim-b", h.configFile);
      try {
        h.api.balanceWebhook(List.of(hook(portA), hook(portB)), 8);
        long family = 71_001;
        FirstContactWalk.walk(h, family);
        long caseId;
        try (Connection c = h.store.connect()) {
          caseId = number(c, "SELECT id FROM cases WHERE chat_id = " + family);
        }
        long thread = waitFor(h, "SELECT COALESCE(topic_thread_id, 0) FROM cases WHERE id = " + caseId);
        ChildService.waitUntil(() -> PostgresParityTest.card(h, (int) thread) != null, Duration.ofSeconds(20), "the handover card");
        SentMessage card = PostgresParityTest.card(h, (int) thread);

        // Sari presses "Ambil kasus" on node a, Adi on node b, at the same moment.
        String bySari = h.api.buttonPressUpdate(DeskServiceTest.STAFF, card.messageId(), DeskServiceTest.SARI, "d:claim:" + caseId);
        String byAdi = h.api.buttonPressUpdate(DeskServiceTest.STAFF, card.messageId(), DeskServiceTest.ADI, "d:claim:" + caseId);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> toA = post(http, portA, bySari);
        CompletableFuture<HttpResponse<String>> toB = post(http, portB, byAdi);
        assertEquals(200, toA.get().statusCode());
        assertEquals(200, toB.get().statusCode());

        ChildService.waitUntil(() -> h.api.callsOf("answerCallbackQuery").stream()
            .anyMatch(c -> c.paramsJson().contains("sudah diambil oleh")), Duration.ofSeconds(20), "the counselor who lost to be told");
        try (Connection c = h.store.connect()) {
          long claimedBy = number(c, "SELECT claimed_by FROM cases WHERE id = " + caseId);
          assertTrue(claimedBy == DeskServiceTest.SARI || claimedBy == DeskServiceTest.ADI, "one counselor holds it: " + claimedBy);
          assertEquals("claimed", text(c, "SELECT status FROM cases WHERE id = " + caseId));
          assertEquals(1, number(c, "SELECT COUNT(*) FROM case_events WHERE action = 'claim' AND case_id = " + caseId), "one claim");
        }
        assertEquals(1, h.api.callsOf("answerCallbackQuery").stream().filter(c -> c.paramsJson().contains("sudah diambil oleh")).count(),
            "exactly one counselor was told someone else has it");
      } finally {
        stop(a);
        stop(b);
      }
    }
  }

  static int delivered(ServiceHarness h) {
    int n = 0;
    for (int f = 0; f < FAMILIES; f++) n += h.api.messagesTo(FIRST_CHAT + f).size();
    return n;
  }

  /** True when this node process holds the leader lock (its leader connection names its pid). */
  static boolean leads(ServiceHarness h, Process node) throws Exception {
    try (Connection c = h.store.connect();
         PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
             + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND a.application_name LIKE ?")) {
      p.setLong(1, LEADER_KEY_CLASS);
      p.setString(2, "pintu-leader %/" + node.pid());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    }
  }

  static Process startNode(ServiceHarness h, int port, String name, Path config) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cfg = (config == null || !Files.isRegularFile(config) ? h.configFileForChild() : config).toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "id.pintu.Main", "run", "--config", cfg);
    pb.environment().putAll(h.env);
    pb.environment().put("PINTU_HTTP_PORT", Integer.toString(port));
    File log = Path.of("target", "cluster-" + name + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    Process p = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    ChildService.waitUntil(() -> {
      if (!p.isAlive()) throw new AssertionError("node " + name + " exited: see " + log);
      try {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }, Duration.ofSeconds(180), "node " + name + " to be ready");
    return p;
  }

  static void stop(Process p) throws InterruptedException {
    if (p.isAlive()) {
      p.destroy();
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }
  }

  static String hook(int port) {
    return "http://127.0.0.1:" + port + "/telegram/webhook";
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static CompletableFuture<HttpResponse<String>> post(HttpClient http, int port, String body) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(hook(port)))
        .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> statuses(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT status, COUNT(*) FROM inbox GROUP BY status ORDER BY status")) {
      while (rs.next()) out.add(rs.getString(1) + "=" + rs.getInt(2));
    }
    return out;
  }

  static long number(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), "no row for " + sql);
      return rs.getLong(1);
    }
  }

  static String text(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), "no row for " + sql);
      return rs.getString(1);
    }
  }

  static long waitFor(ServiceHarness h, String sql) throws Exception {
    long[] v = new long[1];
    ChildService.waitUntil(() -> {
      try (Connection c = h.store.connect()) {
        v[0] = number(c, sql);
        return v[0] != 0;
      }
    }, Duration.ofSeconds(20), sql);
    return v[0];
  }
}
