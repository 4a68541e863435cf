package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.InboxStore;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook: Telegram's secret header, 200 only once stored, redeliveries processed once. */
class WebhookTest {
  static final String SECRET = "s3cret-for-tests-only";
  ServiceHarness h;
  int port;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    h = new ServiceHarness()
        .set("PINTU_TELEGRAM_MODE", "webhook")
        .set("PINTU_HTTP_PORT", Integer.toString(port))
        .set("PINTU_TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/webhook")
        .set("PINTU_TELEGRAM_WEBHOOK_SECRET", SECRET)
        .start();
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void firstContactOverWebhookEndsInAStoredCase() throws Exception {
    FirstContactWalk.walk(h, 2001);
    CaseStore.Row c = new CaseStore(h.service.database()).forChat(2001).get(0);
    assertEquals("waiting", c.status());
    assertTrue(c.story().contains("Saya bingung harus bagaimana"), c.story());
    assertTrue(h.api.webhookAttempts().stream().allMatch(a -> a.status() == 200), "every delivery answered 200");
  }

  @Test
  void aMissingOrWrongSecretGets401AndChangesNothing() throws Exception {
    String update = "{\"update_id\": 555001, \"message\": {\"message_id\": 1, \"date\": 1700000000,"
        + " \"chat\": {\"id\": 2002, \"type\": \"private\"}, \"from\": {\"id\": 2002, \"is_bot\": false, \"first_name\": \"A\"},"
        + " \"text\": \"/start\"}}";
    assertEquals(401, post(update, null).statusCode());
    assertEquals(401, post(update, "wrong-secret").statusCode());
    assertEquals(401, post(update, SECRET + "x").statusCode());
    assertEquals(0, inboxRows(555001), "nothing stored without the right secret");
    ServiceHarness.sleep(300);
    assertTrue(h.api.messagesTo(2002).isEmpty(), "nobody answered a forged update");

    assertEquals(200, post(update, SECRET).statusCode());
    assertEquals(1, inboxRows(555001));
  }

  @Test
  void theSameUpdateDeliveredTwiceIsProcessedOnce() throws Exception {
    String update = "{\"update_id\": 555010, \"message\": {\"message_id\": 1, \"date\": 1700000000,"
        + " \"chat\": {\"id\": 2003, \"type\": \"private\"}, \"from\": {\"id\": 2003, \"is_bot\": false, \"first_name\": \"B\"},"
        + " \"text\": \"/start\"}}";
    assertEquals(200, post(update, SECRET).statusCode());
    List<?> first = h.await(2003, 2);
    assertEquals(200, post(update, SECRET).statusCode());
    assertEquals(200, post(update, SECRET).statusCode());
    ServiceHarness.sleep(1_000);
    assertEquals(first.size(), h.api.messagesTo(2003).size(), "a redelivery sends nothing again: " + h.texts(2003));
    assertEquals(1, inboxRows(555010));
  }

  @Test
  void aBodyThatIsNotAnUpdateIsRefusedAndTheServiceCarriesOn() throws Exception {
    assertEquals(400, post("this is not json", SECRET).statusCode());
    assertEquals(400, post("{\"hello\": 1}", SECRET).statusCode());
    FirstContactWalk.walk(h, 2004);
    assertEquals(0, new InboxStore(h.service.database()).backlog());
  }

  HttpResponse<String> post(String body, String secret) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) b.header("X-Telegram-Bot-Api-Secret-Token", secret);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  int inboxRows(long updateId) throws Exception {
    try (Connection c = h.service.database().connection();
         ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox WHERE update_id = " + updateId)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
