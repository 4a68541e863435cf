package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.dialog.Script;
import id.pintu.store.AuditLog;
import id.pintu.store.ScriptVersionStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console in headless Chromium (Debian's package, driven by playwright-core from
 * {@code src/test/console/console.e2e.mjs}) against a real Pintu with the Bot API double.
 * Screenshots land in {@code target/console-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PINTU_CHROMIUM", "/usr/bin/chromium"));
  static final Path SHOTS = Path.of("target/console-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();
  static ServiceHarness h;
  static String originalYaml;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(Files.isExecutable(CHROMIUM), "headless Chromium is needed at " + CHROMIUM + ": apt-get install -y chromium (see .ci/run)");
    h = new ServiceHarness();
    AdminHttp.withTokensAndOwnDialogs(h);
    h.start();
    originalYaml = h.service.library().newest().get("first-contact").yaml();
  }

  @AfterAll
  static void stop() throws Exception {
    if (h != null) h.close();
  }

  @Test
  @Order(1)
  void aWrongTokenSeesNeitherPagesNorData() throws Exception {
    JsonNode r = browser("wrongToken", null);
    assertEquals("Token ini tidak dikenal. Periksa lagi, lalu coba sekali lagi.", r.get("message").asText());
    assertEquals(401, r.get("api").asInt());
  }

  @Test
  @Order(2)
  void aPostFromAnotherSiteIsRefused() throws Exception {
    JsonNode r = browser("crossSite", null);
    assertTrue(r.get("status").asInt() == 401 || r.get("status").asInt() == 403, r.toString());
    assertEquals(1, h.service.library().current().script("first-contact").version(), "the cross-site rollback did not publish anything");
  }

  @Test
  @Order(3)
  void breakFixTryPublishCompareAndRollBackAScript() throws Exception {
    JsonNode r = browser("editor", null);
    assertTrue(r.get("problem").asText().contains("nowhere"), r.toString());
    assertTrue(r.get("handoff").asText().contains("general"), r.toString());
    assertTrue(r.get("published").asText().contains("Versi 2"), r.toString());
    Script now = h.service.library().current().script("first-contact");
    assertEquals(3, now.version());
    assertEquals(originalYaml, h.service.library().newest().get("first-contact").yaml(), "version 3 is version 1 again");
    ScriptVersionStore.Version v2 = h.service.library().version("first-contact", 2).orElseThrow();
    assertEquals("salam menyebut Pintu", v2.comment());
    assertEquals("admin", v2.publishedBy());
    assertTrue(v2.yaml().contains("Halo, selamat datang di Pintu."));
    try (var c = h.service.database().connection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM sessions")) {
      rs.next();
      assertEquals(0, rs.getLong(1), "trying a script stores no conversation");
    }
  }

  @Test
  @Order(4)
  void theDashboardCountsANewConversation() throws Exception {
    int before = browser("dashboard", null).get("conversations").asInt();
    FirstContactWalk.walk(h, 4401); // a family writes, tells their story, is handed to a counselor
    JsonNode after = browser("dashboard", String.valueOf(before + 1));
    assertEquals(before + 1, after.get("conversations").asInt());
    assertEquals(1, after.get("queue").asInt(), "the family waits for a counselor");
  }

  @Test
  @Order(5)
  void aSupervisorFindsAndReadsTheCaseAndTheViewIsAudited() throws Exception {
    JsonNode r = browser("cases", "Rina");
    assertTrue(r.get("intake").asText().contains("Rina"), r.toString());
    assertTrue(r.get("story").asText().contains("Saya bingung harus bagaimana"), r.toString());
    List<String> actions = new ArrayList<>();
    for (AuditLog.Entry e : new AuditLog(h.service.database()).recent(50)) actions.add(e.who() + " " + e.action());
    assertTrue(actions.contains("PINTU_TOKEN_SUPERVISOR console.case.read"), actions.toString());
    assertTrue(actions.contains("PINTU_TOKEN_SUPERVISOR console.case.list"), actions.toString());
  }

  @Test
  @Order(6)
  void anAdminChangesAHelpContactsPhoneInTheServiceForm() throws Exception {
    int before = h.service.library().serviceVersion().orElseThrow().version();
    JsonNode r = browser("service", "129-88");
    assertTrue(r.get("problem").asText().contains("Asia/Atlantis"), r.toString());
    assertTrue(r.get("message").asText().contains("Versi " + (before + 1)), r.toString());
    assertEquals(before + 1, h.service.library().serviceVersion().orElseThrow().version(), "only the good save published");
    assertEquals("129-88", h.service.library().service().helpContacts().get(0).phone());
    assertEquals("nomor SAPA baru", h.service.library().serviceVersion().orElseThrow().comment());
  }

  /** Runs one step of the browser script; its RESULT line, or the failure with the script's output. */
  static JsonNode browser(String step, String arg) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("node", "src/test/console/console.e2e.mjs", step));
    if (arg != null) cmd.add(arg);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PINTU_URL", "http://127.0.0.1:" + h.service.httpPort());
    pb.environment().put("PINTU_ADMIN", AdminHttp.ADMIN);
    pb.environment().put("PINTU_SUPERVISOR", AdminHttp.SUPERVISOR);
    pb.environment().put("PINTU_SHOTS", SHOTS.toAbsolutePath().toString());
    pb.environment().put("PINTU_CHROMIUM", CHROMIUM.toString());
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try {
        p.getInputStream().transferTo(out);
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    if (!done) p.destroyForcibly();
    reader.join(5000);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(done, "browser step " + step + " did not finish:\n" + text);
    assertEquals(0, p.exitValue(), "browser step " + step + " failed:\n" + text);
    for (String line : text.split("\n")) if (line.startsWith("RESULT ")) return JSON.readTree(line.substring(7));
    throw new AssertionError("browser step " + step + " gave no result:\n" + text);
  }
}
