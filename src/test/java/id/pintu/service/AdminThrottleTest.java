package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Guessing admin tokens over real HTTP: wrong tokens are throttled per source and from everyone
 * together (429 with Retry-After), a correct token is never refused, X-Forwarded-For counts only
 * from a configured trusted proxy, and a short token stops the start with one sentence.
 */
class AdminThrottleTest {
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  ServiceHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) h.close();
  }

  void start(String trustedProxies) throws Exception {
    h = new ServiceHarness();
    AdminHttp.withTokensAndOwnDialogs(h);
    if (trustedProxies != null) h.set("PINTU_HTTP_TRUSTED_PROXIES", trustedProxies);
    h.start();
  }

  HttpResponse<String> get(String path, String token, String forwardedFor) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.service.httpPort() + path)).timeout(Duration.ofSeconds(20));
    if (token != null) b.header("Authorization", "Bearer " + token);
    if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> login(String token, String forwardedFor) throws Exception {
    String base = "http://127.0.0.1:" + h.service.httpPort();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/console/api/login")).timeout(Duration.ofSeconds(20))
        .header("Origin", base).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"" + token + "\"}"));
    if (forwardedFor != null) b.header("X-Forwarded-For", forwardedFor);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Wrong tokens from one source until the service answers 429 (a few more than ten may pass as the bucket refills). */
  HttpResponse<String> guessUntilThrottled(String forwardedFor) throws Exception {
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> r = get("/admin/scripts", "wrong-token-number-" + i + "-abcdefghijkl", forwardedFor);
      if (i < 10) assertEquals(401, r.statusCode(), "guess " + i + " is answered as wrong: " + r.body());
      if (r.statusCode() == 429) return r;
      assertEquals(401, r.statusCode(), r.body());
    }
    throw new AssertionError("40 wrong tokens from one address and no 429");
  }

  @Test
  void wrongTokensAreThrottledPerSourceButTheRightTokenAlwaysGetsIn() throws Exception {
    start(null);
    HttpResponse<String> throttled = guessUntilThrottled(null);
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
    assertTrue(throttled.body().contains("too many wrong tokens"), throttled.body());
    // The admins' own token, from the very same address, in the middle of the guessing.
    assertEquals(200, get("/admin/scripts", AdminHttp.ADMIN, null).statusCode(), "the right token is never refused");
    assertEquals(200, get("/admin/cases", AdminHttp.SUPERVISOR, null).statusCode(), "nor a role token");
    assertEquals(429, get("/admin/scripts", "still-guessing-abcdefghijklmnop", null).statusCode(), "the guesser still waits");
    // The console's login shares the throttle, and lets the right token in too.
    HttpResponse<String> wrongLogin = login("still-guessing-abcdefghijklmnop", null);
    assertEquals(429, wrongLogin.statusCode(), wrongLogin.body());
    assertTrue(wrongLogin.headers().firstValue("Retry-After").isPresent());
    HttpResponse<String> rightLogin = login(AdminHttp.ADMIN, null);
    assertEquals(200, rightLogin.statusCode(), rightLogin.body());
    assertTrue(rightLogin.headers().firstValue("Set-Cookie").isPresent(), "a session");
    // Without any token a request is not a guess (a health probe): still a plain 401.
    assertEquals(401, get("/admin/scripts", null, null).statusCode());
  }

  @Test
  void xForwardedForIsIgnoredFromAnUntrustedPeer() throws Exception {
    start(null);
    guessUntilThrottled("198.51.100.1");
    // A guesser cannot escape its own throttle by writing another address in the header.
    HttpResponse<String> r = get("/admin/scripts", "wrong-token-from-a-new-name-abcdef", "198.51.100.2");
    assertEquals(429, r.statusCode(), r.body());
  }

  @Test
  void behindATrustedProxyEachClientIsItsOwnSourceAndTheGlobalLimitHoldsThemAll() throws Exception {
    start("127.0.0.1");
    guessUntilThrottled("198.51.100.7");
    // An admin behind the same reverse proxy is another client: not held back by the guesser at all.
    assertEquals(401, get("/admin/scripts", "a-typo-in-the-admins-token-abcdef", "203.0.113.5").statusCode());
    assertEquals(200, login(AdminHttp.ADMIN, "203.0.113.5").statusCode());
    // Many addresses, each under its own limit, together meet the global one.
    HttpResponse<String> global = null;
    for (int a = 1; a < 200 && global == null; a++) {
      for (int i = 0; i < 5 && global == null; i++) {
        HttpResponse<String> r = get("/admin/scripts", "spread-guess-" + a + "-" + i + "-abcdefghij", "192.0.2." + a);
        if (r.statusCode() == 429) global = r;
        else assertEquals(401, r.statusCode(), r.body());
      }
    }
    assertTrue(global != null, "no global limit met");
    assertTrue(global.headers().firstValue("Retry-After").isPresent());
    assertEquals(200, get("/admin/scripts", AdminHttp.VIEWER, "192.0.2.250").statusCode(), "the right token still gets in");
    assertEquals(200, login(AdminHttp.ADMIN, "198.51.100.7").statusCode(), "even from the guesser's own address");
  }

  @Test
  void aShortAdminOrRoleTokenStopsTheStartWithOneSentence() throws Exception {
    h = new ServiceHarness();
    h.set("PINTU_ADMIN_TOKEN", "a");
    StartupProblem p = assertThrows(StartupProblem.class, h::start);
    assertEquals("PINTU_ADMIN_TOKEN is 1 character long; a token needs at least 24: make one with 'openssl rand -base64 32' "
        + "and set PINTU_ADMIN_TOKEN to it.", p.getMessage());

    h.env.remove("PINTU_ADMIN_TOKEN");
    h.set("PINTU_ADMIN_TOKENS", "viewer:PINTU_TOKEN_BUDI").set("PINTU_TOKEN_BUDI", "budi-2024");
    p = assertThrows(StartupProblem.class, h::start);
    assertTrue(p.getMessage().startsWith("PINTU_TOKEN_BUDI is 9 characters long; a token needs at least 24"), p.getMessage());

    h.set("PINTU_TOKEN_BUDI", "a-viewer-token-of-enough-length");
    h.set("PINTU_HTTP_TRUSTED_PROXIES", "10.0.0.0/33");
    p = assertThrows(StartupProblem.class, h::start);
    assertTrue(p.getMessage().startsWith("http.trustedProxies: '10.0.0.0/33' is not an IP address or range"), p.getMessage());

    h.env.remove("PINTU_HTTP_TRUSTED_PROXIES");
    h.start(); // no admin token at all is allowed: the admin API then answers 401 to everyone
    assertEquals(401, get("/admin/scripts", "anything-at-all-of-some-length-here", null).statusCode());
    assertEquals(200, get("/admin/scripts", "a-viewer-token-of-enough-length", null).statusCode());
  }
}
