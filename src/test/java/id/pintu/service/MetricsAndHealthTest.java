package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.net.TcpProxy;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
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
          "pintu_send_retries_total", "pintu_send_failed_total", "pintu_handoffs_total{priority=\"normal\",queue=\"general\"}",
          "pintu_handoffs_total{priority=\"urgent\",queue=\"crisis\"}", "pintu_crisis_flags_total 1.0", "pintu_queue_length 2.0",
          "pintu_inbox_backlog", "pintu_outbox_backlog",
          "pintu_dropoffs_total{how=\"stopped\",node=\"consent\",script=\"first-contact\"} 1.0"}) {
        assertTrue(body.contains(series), series + " missing in:\n" + body);
      }
      assertTrue(!body.contains("Rina") && !body.contains("ingin mati"), "no personal data in metrics");
    }
  }

  @Test
  void readinessFollowsTheStore() throws Exception {
    Path data = Files.createTempDirectory("pintu-h2");
    int h2Port;
    try (ServerSocket s = new ServerSocket(0)) {
      h2Port = s.getLocalPort();
    }
    Server h2 = Server.createTcpServer("-tcpPort", String.valueOf(h2Port), "-ifNotExists", "-baseDir", data.toString()).start();
    try (TcpProxy proxy = new TcpProxy(h2Port); ServiceHarness h = new ServiceHarness()) {
      h.set("PINTU_STORE_URL", "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/pintu");
      h.start();
      AdminHttp http = new AdminHttp(h);
      assertEquals(200, http.get("/health/ready", null).statusCode());
      assertTrue(http.get("/health/ready", null).body().contains("\"inbox_backlog\":0"));

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
