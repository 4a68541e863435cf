package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's login, session cookie, CSRF and origin checks, roles and try-it, over real HTTP. */
class ConsoleHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static ServiceHarness h;
  static String base;
  static java.nio.file.Path dialogs;
  static final MovableClock clock = new MovableClock();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    h = new ServiceHarness();
    dialogs = AdminHttp.withTokensAndOwnDialogs(h);
    h.set("PINTU_CONSOLE_SECURE_COOKIE", "true");
    h.start(clock);
    base = "http://127.0.0.1:" + h.service.httpPort();
  }

  @AfterAll
  static void stop() throws Exception {
    if (h != null) h.close();
  }

  record Session(String cookie, String csrf) {}

  HttpResponse<String> send(String method, String path, Session s, String origin, String csrf, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (s != null) b.header("Cookie", s.cookie());
    if (origin != null) b.header("Origin", origin);
    if (csrf != null) b.header("X-Pintu-CSRF", csrf);
    if (body != null) b.header("Content-Type", "application/json");
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  Session login(String token) throws Exception {
    HttpResponse<String> r = send("POST", "/console/api/login", null, base, null, JSON.writeValueAsString(Map.of("token", token)));
    assertEquals(200, r.statusCode(), r.body());
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    return new Session(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).get("csrf").asText());
  }

  @Test
  void aWrongTokenGetsNoSessionNoPageAndNoData() throws Exception {
    HttpResponse<String> r = send("POST", "/console/api/login", null, base, null, "{\"token\":\"guess\"}");
    assertEquals(401, r.statusCode());
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
    HttpResponse<String> page = send("GET", "/console/", null, null, null, null);
    assertEquals(302, page.statusCode());
    assertEquals("/console/login", page.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> data = send("GET", "/console/api/scripts", null, null, null, null);
    assertEquals(401, data.statusCode());
    assertFalse(data.body().contains("first-contact"));
    HttpResponse<String> forged = send("GET", "/console/api/scripts", new Session("pintu_console=made-up", "x"), null, null, null);
    assertEquals(401, forged.statusCode());
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndSecureWhenConfigured() throws Exception {
    HttpResponse<String> r = send("POST", "/console/api/login", null, base, null, "{\"token\":\"" + AdminHttp.VIEWER + "\"}");
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Secure"), cookie);
    assertTrue(cookie.contains("Path=/console"), cookie);
    assertEquals("viewer", JSON.readTree(r.body()).get("role").asText());
  }

  @Test
  void aLoginFromAnotherSiteIsRefused() throws Exception {
    HttpResponse<String> r = send("POST", "/console/api/login", null, "http://evil.example", null, "{\"token\":\"" + AdminHttp.ADMIN + "\"}");
    assertEquals(403, r.statusCode());
    assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
  }

  @Test
  void aChangeNeedsTheCsrfTokenAndTheSameOrigin() throws Exception {
    Session s = login(AdminHttp.ADMIN);
    String yaml = h.service.library().newest().get("crisis").yaml();
    String body = JSON.writeValueAsString(Map.of("yaml", yaml, "comment", "same text again"));
    int before = h.service.library().current().script("crisis").version();

    assertEquals(403, send("POST", "/console/api/scripts/crisis/publish", s, base, null, body).statusCode(), "no CSRF token");
    assertEquals(403, send("POST", "/console/api/scripts/crisis/publish", s, base, "wrong", body).statusCode(), "wrong CSRF token");
    assertEquals(403, send("POST", "/console/api/scripts/crisis/publish", s, "http://evil.example", s.csrf(), body).statusCode(), "other origin");
    assertEquals(403, send("POST", "/console/api/scripts/crisis/publish", s, null, s.csrf(), body).statusCode(), "no origin at all");
    assertEquals(before, h.service.library().current().script("crisis").version(), "nothing published by the refused calls");

    HttpResponse<String> ok = send("POST", "/console/api/scripts/crisis/publish", s, base, s.csrf(), body);
    assertEquals(201, ok.statusCode(), ok.body());
    assertEquals(before + 1, h.service.library().current().script("crisis").version());
    assertEquals("admin", h.service.library().newest().get("crisis").publishedBy());
  }

  @Test
  void aViewerMayCheckAndTryButNotPublish() throws Exception {
    Session s = login(AdminHttp.VIEWER);
    String yaml = h.service.library().newest().get("first-contact").yaml();
    HttpResponse<String> check = send("POST", "/console/api/scripts/first-contact/check", s, base, s.csrf(),
        JSON.writeValueAsString(Map.of("yaml", yaml.replace("next: consent", "next: nowhere"))));
    assertEquals(200, check.statusCode());
    JsonNode problems = JSON.readTree(check.body()).get("problems");
    assertTrue(problems.get(0).get("message").asText().contains("nowhere"), check.body());
    assertTrue(problems.get(0).get("line").asInt() > 0, "a problem names its line");

    HttpResponse<String> pub = send("POST", "/console/api/scripts/first-contact/publish", s, base, s.csrf(),
        JSON.writeValueAsString(Map.of("yaml", yaml)));
    assertEquals(403, pub.statusCode());
    assertEquals(403, send("GET", "/console/api/cases", s, null, null, null).statusCode(), "cases are for supervisors");
  }

  @Test
  void tryItRunsTheDraftWithTheRealEngineAndStoresNothing() throws Exception {
    long conversations = count("sessions");
    long transcript = count("transcript");
    Session s = login(AdminHttp.VIEWER);
    String draft = h.service.library().newest().get("first-contact").yaml().replace("Halo, selamat datang.", "Selamat pagi dari draf.");
    HttpResponse<String> start = send("POST", "/console/api/try", s, base, s.csrf(), JSON.writeValueAsString(Map.of("script", "first-contact", "yaml", draft)));
    assertEquals(200, start.statusCode(), start.body());
    JsonNode v = JSON.readTree(start.body());
    assertEquals("Selamat pagi dari draf.", v.get("messages").get(0).get("text").asText());
    String run = v.get("id").asText();
    JsonNode yes = JSON.readTree(send("POST", "/console/api/try/" + run, s, base, s.csrf(), "{\"choice\":\"n:consent:yes\"}").body());
    assertEquals("Siapa nama panggilan Anda?", yes.get("messages").get(0).get("text").asText());
    JsonNode crisis = JSON.readTree(send("POST", "/console/api/try/" + run, s, base, s.csrf(), "{\"text\":\"saya ingin mati\"}").body());
    assertTrue(crisis.get("flags").toString().contains("crisis"), crisis.toString());

    Session other = login(AdminHttp.ADMIN);
    assertEquals(404, send("POST", "/console/api/try/" + run, other, base, other.csrf(), "{\"text\":\"hi\"}").statusCode(),
        "a try belongs to the session that started it");
    assertEquals(conversations, count("sessions"), "no conversation stored");
    assertEquals(transcript, count("transcript"), "no transcript stored");
  }

  static long count(String table) throws Exception {
    try (var c = h.service.database().connection(); var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aSessionEndsAfterTheIdleTime() throws Exception {
    Session s = login(AdminHttp.VIEWER);
    clock.advance(Duration.ofMinutes(20));
    assertEquals(200, send("GET", "/console/api/me", s, null, null, null).statusCode(), "20 minutes idle: still in");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(401, send("GET", "/console/api/me", s, null, null, null).statusCode(), "31 minutes idle: logged out");
  }

  @Test
  void guessingTokensIsSlowedAfterTenTriesButTheRightTokenStillLogsIn() throws Exception {
    clock.advance(Duration.ofMinutes(11)); // earlier wrong tokens of other tests are forgotten
    for (int i = 0; i < 10; i++) {
      assertEquals(401, send("POST", "/console/api/login", null, base, null, "{\"token\":\"guess-" + i + "\"}").statusCode());
    }
    HttpResponse<String> wrong = send("POST", "/console/api/login", null, base, null, "{\"token\":\"guess-10\"}");
    assertEquals(429, wrong.statusCode(), "the guesser waits now");
    assertTrue(wrong.headers().firstValue("Retry-After").isPresent(), "and is told how long");
    assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
    login(AdminHttp.ADMIN); // the right token is never refused: behind a proxy the guesser may share the admins' address
    clock.advance(Duration.ofMinutes(11));
    assertEquals(401, send("POST", "/console/api/login", null, base, null, "{\"token\":\"guess-11\"}").statusCode(), "forgotten later");
  }

  @Test
  void theDashboardMeasuresTheWaitForACounselor() throws Exception {
    FirstContactWalk.walk(h, 7701);
    FirstContactWalk.walk(h, 7702);
    var cases = new id.pintu.store.CaseStore(h.service.database());
    var desk = new id.pintu.store.DeskStore(h.service.database());
    var first = cases.forChat(7701).get(0);
    var second = cases.forChat(7702).get(0);
    try (var c = h.service.database().connection()) {
      desk.claim(c, first.id(), 111, first.handedOffAt().plus(Duration.ofMinutes(4)));
      desk.claim(c, second.id(), 111, second.handedOffAt().plus(Duration.ofMinutes(20)));
    }
    Session s = login(AdminHttp.VIEWER);
    JsonNode d = JSON.readTree(send("GET", "/console/api/dashboard", s, null, null, null).body());
    assertEquals(2, d.get("time_to_claim").get("count").asInt(), d.toString());
    assertEquals(4.0, d.get("time_to_claim").get("median_minutes").asDouble(), "nearest-rank median of 4 and 20 minutes");
    assertEquals(20.0, d.get("time_to_claim").get("p90_minutes").asDouble());
    assertTrue(d.get("handoffs_today").asInt() >= 2, d.toString());
    assertEquals(30, d.get("days").size());
    assertTrue(d.get("delivery").has("outbox_backlog"), d.toString());
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    Session s = login(AdminHttp.SUPERVISOR);
    assertEquals(200, send("GET", "/console/api/cases", s, null, null, null).statusCode());
    HttpResponse<String> out = send("POST", "/console/api/logout", s, base, s.csrf(), "{}");
    assertEquals(200, out.statusCode());
    assertNotNull(out.headers().firstValue("Set-Cookie").orElse(null));
    assertEquals(401, send("GET", "/console/api/cases", s, null, null, null).statusCode());
  }

  // ---- the service forms (help contacts, referrals, office hours in service.yaml) -------------

  @Test
  void savingAChangedHelpContactPublishesANewServiceVersionFamiliesGet() throws Exception {
    Session s = login(AdminHttp.ADMIN);
    JsonNode read = JSON.readTree(send("GET", "/console/api/service", s, null, null, null).body());
    int before = read.get("version").asInt();
    assertTrue(before >= 1, "service.yaml is versioned from the first start: " + read);
    com.fasterxml.jackson.databind.node.ArrayNode contacts = (com.fasterxml.jackson.databind.node.ArrayNode) read.get("sections").get("help_contacts");
    assertEquals("129", contacts.get(0).get("phone").asText());
    ((com.fasterxml.jackson.databind.node.ObjectNode) contacts.get(0)).put("phone", "129-77");
    String body = JSON.writeValueAsString(Map.of("help_contacts", contacts, "comment", "new SAPA number"));

    HttpResponse<String> saved = send("POST", "/console/api/service", s, base, s.csrf(), body);
    assertEquals(201, saved.statusCode(), saved.body());
    assertEquals(before + 1, JSON.readTree(saved.body()).get("version").asInt());
    var lib = h.service.library();
    assertEquals("129-77", lib.service().helpContacts().get(0).phone(), "live at once");
    var v = lib.serviceVersion().orElseThrow();
    assertEquals("admin", v.publishedBy());
    assertEquals("new SAPA number", v.comment());
    assertTrue(v.yaml().contains("service:\n  name: {id: LK3 Uji, en: Test LK3}"), "the rest of the file is kept as written: " + v.yaml());
    assertTrue(v.yaml().contains("office_hours:\n  timezone: Asia/Jakarta\n  weekly:\n    - {days: mon-fri"), v.yaml());
    assertEquals(v.yaml(), java.nio.file.Files.readString(dialogsDir().resolve("service.yaml")),
        "written to the dialogs folder like a script publish");
    JsonNode history = JSON.readTree(send("GET", "/console/api/service", s, null, null, null).body()).get("history");
    assertEquals("new SAPA number", history.get(0).get("comment").asText());

    // A family in danger now gets the new number.
    h.api.sendText(9101, "/start");
    h.awaitText(9101, "Boleh kami simpan");
    h.api.sendText(9101, "aku ingin mati saja");
    id.pintu.testing.botapi.SentMessage help = h.awaitText(9101, "SAPA 129");
    assertTrue(help.text().contains("129-77"), help.text());

    // And the way back: a rollback through the script calls restores the old number.
    HttpResponse<String> back = send("POST", "/console/api/scripts/service/rollback/" + before, s, base, s.csrf(), "{}");
    assertEquals(201, back.statusCode(), back.body());
    assertEquals("129", lib.service().helpContacts().get(0).phone());
  }

  @Test
  void aBrokenOfficeHoursValueIsRefusedAndNothingChanges() throws Exception {
    Session s = login(AdminHttp.ADMIN);
    var lib = h.service.library();
    int before = lib.serviceVersion().orElseThrow().version();
    String yaml = lib.serviceVersion().orElseThrow().yaml();
    Map<String, Object> hours = Map.of("timezone", "Asia/Jakarta",
        "weekly", java.util.List.of(Map.of("days", "mon-fri", "from", "17:00", "to", "09:00")), "holidays", java.util.List.of());
    HttpResponse<String> r = send("POST", "/console/api/service", s, base, s.csrf(), JSON.writeValueAsString(Map.of("office_hours", hours, "comment", "oops")));
    assertEquals(422, r.statusCode(), r.body());
    JsonNode p = JSON.readTree(r.body()).get("problems").get(0);
    assertTrue(p.get("message").asText().contains("must be later than"), r.body());
    assertEquals("office_hours", p.get("section").asText());
    assertEquals(before, lib.serviceVersion().orElseThrow().version(), "no new version");
    assertEquals(yaml, lib.serviceVersion().orElseThrow().yaml());
    assertEquals(yaml, java.nio.file.Files.readString(dialogsDir().resolve("service.yaml")), "the file is untouched");
  }

  @Test
  void aViewerMayReadTheServiceFormsButNotSaveAndAChangeNeedsCsrf() throws Exception {
    var lib = h.service.library();
    int before = lib.serviceVersion().orElseThrow().version();
    String body = JSON.writeValueAsString(Map.of("help_contacts", java.util.List.of(Map.of("name", "X", "phone", "1")), "comment", "x"));
    Session viewer = login(AdminHttp.VIEWER);
    assertEquals(200, send("GET", "/console/api/service", viewer, null, null, null).statusCode());
    assertEquals(403, send("POST", "/console/api/service", viewer, base, viewer.csrf(), body).statusCode(), "a viewer may not save");
    Session admin = login(AdminHttp.ADMIN);
    assertEquals(403, send("POST", "/console/api/service", admin, base, null, body).statusCode(), "no CSRF token");
    assertEquals(before, lib.serviceVersion().orElseThrow().version(), "nothing published");
  }

  static java.nio.file.Path dialogsDir() {
    return dialogs;
  }
}
