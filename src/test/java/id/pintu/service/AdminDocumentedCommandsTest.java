package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.safety.CrisisScreens;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/ADMIN.md's commands as they are written, through the real server on a copy of the
 * shipped dialogs: the requests carry exactly what curl 7.88 sends for
 * {@code curl -X POST -H "Authorization: Bearer $TOKEN" --data-binary @dialogs/<file>.yaml ...}
 * (a form content type among them), and bad numbers in query parameters get a sentence.
 */
class AdminDocumentedCommandsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> SHIPPED = List.of("crisis", "first-contact", "info", "service");
  ServiceHarness h;
  AdminHttp http;

  @BeforeEach
  void start() throws Exception {
    Path dialogs = Files.createTempDirectory("pintu-shipped-dialogs");
    try (Stream<Path> s = Files.list(Path.of("dialogs"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) Files.copy(p, dialogs.resolve(p.getFileName()));
    }
    h = new ServiceHarness();
    AdminHttp.withTokensAndOwnDialogs(h);
    h.set("PINTU_DIALOGS_DIR", dialogs.toString());
    h.start(Clock.systemUTC(), CrisisScreens.forDialogs(dialogs));
    http = new AdminHttp(h);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  /** One HTTP/1.1 exchange over a plain socket, with exactly these header lines; the answer's status line and body. */
  record Answer(String statusLine, String body) {
    int status() {
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  Answer raw(String method, String path, List<String> headers, byte[] body, boolean waitForContinue) throws Exception {
    try (Socket s = new Socket("127.0.0.1", h.service.httpPort())) {
      s.setSoTimeout(20_000);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(h.service.httpPort()).append("\r\n");
      for (String line : headers) head.append(line).append("\r\n");
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      InputStream in = s.getInputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (waitForContinue) {
        String interim = readHead(in);
        assertTrue(interim.startsWith("HTTP/1.1 100"), "curl waits for 100 Continue: " + interim);
      }
      out.write(body);
      out.flush();
      String answerHead = readHead(in);
      int length = 0;
      for (String line : answerHead.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
      }
      byte[] b = in.readNBytes(length);
      return new Answer(answerHead.split("\r\n")[0], new String(b, StandardCharsets.UTF_8));
    }
  }

  static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      b.write(c);
      byte[] a = b.toByteArray();
      int n = a.length;
      if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') break;
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  /** The header lines curl 7.88 sends for --data-binary @file, in its order (Host is added by raw()). */
  static List<String> curlHeaders(int length, String... extra) {
    List<String> l = new java.util.ArrayList<>(List.of("User-Agent: curl/7.88.1", "Accept: */*", "Authorization: Bearer " + AdminHttp.ADMIN));
    l.addAll(List.of(extra));
    l.add("Content-Length: " + length);
    l.add("Content-Type: application/x-www-form-urlencoded");
    return l;
  }

  @Test
  void theDocumentedValidateAndPublishCommandsWorkOnEveryShippedFile() throws Exception {
    for (String id : SHIPPED) {
      byte[] yaml = Files.readAllBytes(Path.of("dialogs", id + ".yaml"));
      assertTrue(yaml.length > 1024, id + " is larger than the form decoder's 1 KB");

      Answer check = raw("POST", "/admin/scripts/" + id + "/validate", curlHeaders(yaml.length), yaml, false);
      assertEquals(200, check.status(), id + ": " + check);
      JsonNode v = JSON.readTree(check.body());
      assertTrue(v.get("valid").asBoolean(), id + ": " + check.body());

      Answer put = raw("PUT", "/admin/scripts/" + id, curlHeaders(yaml.length, "X-Pintu-Comment: shorter intake"), yaml, false);
      assertEquals(201, put.status(), id + ": " + put);
      assertTrue(JSON.readTree(put.body()).get("published").asBoolean(), put.body());
    }
    JsonNode history = JSON.readTree(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER).body()).get("history");
    assertEquals("shorter intake", history.get(0).get("comment").asText(), history.toString());
  }

  /** Another curl (or a larger file) asks first with Expect: 100-continue; the body then follows the interim answer. */
  @Test
  void aBodyAnnouncedWithExpectContinueIsReadToo() throws Exception {
    byte[] yaml = Files.readAllBytes(Path.of("dialogs", "first-contact.yaml"));
    Answer check = raw("POST", "/admin/scripts/first-contact/validate", curlHeaders(yaml.length, "Expect: 100-continue"), yaml, true);
    assertEquals(200, check.status(), check.toString());
    assertTrue(JSON.readTree(check.body()).get("valid").asBoolean(), check.body());
  }

  @Test
  void aBodyPastTheLimitIsToldWhyWithoutBeingRead() throws Exception {
    Answer a = raw("PUT", "/admin/scripts/first-contact", curlHeaders(2 * 1024 * 1024), new byte[0], false);
    assertEquals(413, a.status(), a.toString());
    assertEquals("the body is larger than 1024 KiB; a script may be at most 512 KiB (docs/SCRIPTS.md, \"Limits\")",
        JSON.readTree(a.body()).get("error").asText());
  }

  @Test
  void aNumberThatIsNotANumberGetsA400WithASentence() throws Exception {
    assertBad("/admin/audit?limit=abc", AdminHttp.ADMIN, "limit must be a whole number, like limit=100, not 'abc'");
    assertBad("/admin/cases?limit=abc", AdminHttp.ADMIN, "limit must be a whole number, like limit=50, not 'abc'");
    assertBad("/admin/cases?offset=1.5", AdminHttp.ADMIN, "offset must be a whole number, like offset=0, not '1.5'");
    assertBad("/admin/cases.csv?from=yesterday", AdminHttp.ADMIN, "dates are 2025-11-01 or 2025-11-01T08:00:00Z, not 'yesterday'");
    assertBad("/admin/scripts/first-contact/graph?version=two", AdminHttp.VIEWER, "version must be a number");
    HttpResponse<String> rollback = http.call("POST", "/admin/scripts/first-contact/rollback/two", AdminHttp.ADMIN, null);
    assertEquals(400, rollback.statusCode(), rollback.body());
    assertBad("/admin/cases/abc", AdminHttp.ADMIN, "a case id is a number");
    assertEquals(200, http.get("/admin/audit?limit=100", AdminHttp.ADMIN).statusCode(), "the documented call still works");
  }

  void assertBad(String path, String token, String sentence) throws Exception {
    HttpResponse<String> r = http.get(path, token);
    assertEquals(400, r.statusCode(), path + ": " + r.body());
    assertEquals(sentence, JSON.readTree(r.body()).get("error").asText(), path);
  }
}
