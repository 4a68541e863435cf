package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A script far past the bounds (5,000 nodes in a row) through the real service: the admin API
 * answers with a problem line, the dialogs-folder watcher refuses it and keeps publishing
 * later edits, and a start with it (or a broken file) runs on the last published version.
 */
class LargeScriptTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String NODE_LINE = "first-contact.yaml: the script has 5,000 nodes; a script may hold at most 2,000: split it into several scripts joined by goto";

  CapturedLog logs;
  ServiceHarness h;
  AdminHttp http;
  Path dialogs;
  String v1;

  @BeforeEach
  void start() throws Exception {
    logs = new CapturedLog();
    h = new ServiceHarness();
    dialogs = AdminHttp.withTokensAndOwnDialogs(h);
    v1 = Files.readString(dialogs.resolve("first-contact.yaml"), StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() throws Exception {
    logs.close();
    h.close();
  }

  /** A first-contact script of {@code n} say nodes in a row and an end: the shape that overflowed the checks. */
  static String chain(int n) {
    StringBuilder b = new StringBuilder("id: first-contact\nnodes:\n");
    for (int i = 0; i < n - 1; i++) {
      b.append("- {id: n").append(i).append(", kind: say, technique: information, text: [{id: Halo, en: Hello}], next: n").append(i + 1).append("}\n");
    }
    return b.append("- {id: n").append(n - 1).append(", kind: end, technique: information}\n").toString();
  }

  List<String> warnings() {
    return logs.warnings();
  }

  boolean warned(String fragment) {
    return logs.warned(fragment);
  }

  int version() throws Exception {
    return JSON.readTree(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER).body()).get("version").asInt();
  }

  @Test
  void theAdminApiAnswersAHugeScriptWithItsProblemLine() throws Exception {
    h.start();
    http = new AdminHttp(h);
    String huge = chain(5_000);

    HttpResponse<String> put = http.call("PUT", "/admin/scripts/first-contact", AdminHttp.ADMIN, huge);
    assertEquals(422, put.statusCode(), put.body());
    JsonNode problems = JSON.readTree(put.body()).get("problems");
    assertEquals(1, problems.size(), put.body());
    assertEquals(NODE_LINE, problems.get(0).get("text").asText());

    HttpResponse<String> check = http.call("POST", "/admin/scripts/first-contact/validate", AdminHttp.VIEWER, huge);
    assertEquals(200, check.statusCode(), check.body());
    assertFalse(JSON.readTree(check.body()).get("valid").asBoolean());
    assertEquals(NODE_LINE, JSON.readTree(check.body()).get("problems").get(0).get("text").asText());

    assertEquals(1, version(), "nothing was published");
    h.api.sendText(2501, "/start");
    h.awaitText(2501, "Halo, selamat datang.");
  }

  @Test
  void aHugeFileInTheFolderIsRefusedAndALaterGoodEditIsStillPublished() throws Exception {
    h.start();
    http = new AdminHttp(h);
    Files.writeString(dialogs.resolve("first-contact.yaml"), chain(5_000));
    assertTrue(warned("first-contact.yaml refused (1 problem); its last published version 1 keeps running: " + NODE_LINE), warnings().toString());
    String line = warnings().stream().filter(l -> l.contains("first-contact.yaml refused")).findFirst().orElseThrow();
    assertFalse(line.contains("\n"), "one line: " + line);
    assertEquals(1, version());

    Files.writeString(dialogs.resolve("first-contact.yaml"), v1.replace("Halo, selamat datang.", "Halo lagi, selamat datang di versi baru."));
    long deadline = System.currentTimeMillis() + 10_000;
    int version = 1;
    while (version == 1 && System.currentTimeMillis() < deadline) {
      ServiceHarness.sleep(200);
      version = version();
    }
    assertEquals(2, version, "the watcher still publishes a valid edit after refusing the huge file");
    h.api.sendText(2502, "/start");
    h.awaitText(2502, "Halo lagi, selamat datang di versi baru.");
  }

  @Test
  void aStartWithAHugeAndABrokenFileRunsOnTheLastPublishedVersions() throws Exception {
    h.start(); // publishes the folder: version 1 of each script
    h.stop();
    String crisis = Files.readString(dialogs.resolve("crisis.yaml"), StandardCharsets.UTF_8);
    Files.writeString(dialogs.resolve("first-contact.yaml"), chain(5_000));
    Files.writeString(dialogs.resolve("crisis.yaml"), crisis + "\n  - id: [oops\n");

    h.start();
    http = new AdminHttp(h);
    assertTrue(warned("first-contact.yaml refused (1 problem); starting with its last published version 1 from the store: " + NODE_LINE),
        warnings().toString());
    assertTrue(warned("crisis.yaml refused (1 problem); starting with its last published version 1 from the store: crisis.yaml:"),
        warnings().toString());
    assertEquals(1, version());
    h.api.sendText(2503, "/start");
    h.awaitText(2503, "Halo, selamat datang.");
  }

  @Test
  void aStartWithAHugeFileAndNothingPublishedSaysSoInOneSentence() throws Exception {
    Files.writeString(dialogs.resolve("first-contact.yaml"), chain(5_000));
    StartupProblem p = assertThrows(StartupProblem.class, () -> h.start());
    assertEquals("There is no valid first-contact script in " + dialogs + " nor in the store: run 'java -jar target/pintu.jar validate "
        + dialogs + "' and fix what it lists.", p.getMessage());
    assertTrue(warned("first-contact.yaml refused (1 problem); it has no published version, so it is left out: " + NODE_LINE),
        warnings().toString());
  }
}
