package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.store.AuditLog;
import id.pintu.store.CaseStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over real HTTP, against a running service and families on the Bot API double. */
class AdminApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  ServiceHarness h;
  AdminHttp http;
  Path dialogs;
  String v1;

  @BeforeEach
  void start() throws Exception {
    h = new ServiceHarness();
    dialogs = AdminHttp.withTokensAndOwnDialogs(h);
    h.start();
    http = new AdminHttp(h);
    v1 = Files.readString(dialogs.resolve("first-contact.yaml"), StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  /** The test first-contact script without the age question, and a new greeting. */
  String v2() {
    return v1.replace("Halo, selamat datang.", "Halo lagi, selamat datang di versi baru.")
        .replace("    capture: name\n    skip: true\n    next: age", "    capture: name\n    skip: true\n    next: story")
        .replaceAll("(?s)  - id: age\n.*?capture: age\n    next: story\n", "");
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void tokensAreCheckedAndRolesLimitWhatTheyMayDo() throws Exception {
    assertEquals(401, http.get("/admin/scripts", null).statusCode());
    assertEquals(401, http.get("/admin/scripts", "not-a-token").statusCode());
    assertEquals(401, http.get("/admin/cases", AdminHttp.ADMIN + "x").statusCode());
    assertEquals(200, http.get("/admin/scripts", AdminHttp.VIEWER).statusCode());
    assertEquals(403, http.get("/admin/cases", AdminHttp.VIEWER).statusCode());
    assertEquals(403, http.call("PUT", "/admin/scripts/first-contact", AdminHttp.VIEWER, v2()).statusCode());
    assertEquals(200, http.get("/admin/cases", AdminHttp.SUPERVISOR).statusCode());
    assertEquals(403, http.call("PUT", "/admin/scripts/first-contact", AdminHttp.SUPERVISOR, v2()).statusCode());
    assertEquals(403, http.call("POST", "/admin/scripts/first-contact/rollback/1", AdminHttp.SUPERVISOR, null).statusCode());
    assertEquals(200, http.get("/admin/cases", AdminHttp.ADMIN).statusCode());
    assertEquals(200, http.get("/health/live", null).statusCode(), "health needs no token");
    assertEquals(200, http.get("/metrics", null).statusCode(), "metrics need no token");
    JsonNode list = json(http.get("/admin/scripts", AdminHttp.VIEWER));
    assertTrue(list.toString().contains("\"id\":\"first-contact\""), list.toString());
    assertTrue(list.toString().contains("\"published_by\":\"file\""), list.toString());
  }

  @Test
  void anInvalidScriptIsRefusedWith422AndTheOldVersionKeepsServing() throws Exception {
    String broken = v1.replace("next: story", "next: nowhere");
    HttpResponse<String> validate = http.call("POST", "/admin/scripts/first-contact/validate", AdminHttp.VIEWER, broken);
    assertEquals(200, validate.statusCode());
    assertFalse(json(validate).get("valid").asBoolean());

    HttpResponse<String> put = http.call("PUT", "/admin/scripts/first-contact?comment=oops", AdminHttp.ADMIN, broken);
    assertEquals(422, put.statusCode(), put.body());
    JsonNode problems = json(put).get("problems");
    assertTrue(problems.size() > 0);
    assertTrue(problems.get(0).get("text").asText().startsWith("first-contact.yaml:"), problems.toString());
    assertTrue(problems.toString().contains("nowhere"), problems.toString());

    JsonNode script = json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER));
    assertEquals(1, script.get("version").asInt(), "nothing was published");
    assertEquals(1, script.get("history").size());
    assertEquals(v1, Files.readString(dialogs.resolve("first-contact.yaml")), "the file is untouched");
    FirstContactWalk.walk(h, 2001); // the old version serves on, to the end
  }

  @Test
  void aPublishedVersionServesNewFamiliesWhileOneHalfwayFinishesOnTheOld() throws Exception {
    // Family A is halfway through version 1: asked their age, a node version 2 deletes.
    h.api.sendText(2101, "/start");
    h.awaitText(2101, "Boleh kami simpan");
    h.press(2101, "n:consent:yes");
    h.awaitText(2101, "Siapa nama panggilan Anda?");
    h.api.sendText(2101, "Rina");
    h.awaitText(2101, "Berapa usia Anda?");

    HttpResponse<String> put = http.call("PUT", "/admin/scripts/first-contact?comment=shorter%20intake", AdminHttp.ADMIN, v2());
    assertEquals(201, put.statusCode(), put.body());
    assertEquals(2, json(put).get("version").asInt());
    assertEquals(v2(), Files.readString(dialogs.resolve("first-contact.yaml")), "the folder keeps the published version");

    // A new family gets version 2: the new greeting, and no age question.
    h.api.sendText(2102, "/start");
    h.awaitText(2102, "Halo lagi, selamat datang di versi baru.");
    h.awaitText(2102, "Boleh kami simpan");
    h.press(2102, "n:consent:yes");
    h.awaitText(2102, "Siapa nama panggilan Anda?");
    h.api.sendText(2102, "Sari");
    h.awaitText(2102, "Ceritakan apa yang terjadi, Sari.");
    assertFalse(h.texts(2102).contains("Berapa usia Anda?"));

    // Family A answers the question version 2 no longer has, and finishes on version 1.
    h.api.sendText(2101, "34");
    h.awaitText(2101, "Ceritakan apa yang terjadi, Rina.");
    h.api.sendText(2101, "Saya bingung harus bagaimana");
    h.press(2101, "g:done:story");
    h.awaitText(2101, "Konselor akan segera menyapa Anda.");
    assertFalse(h.texts(2101).contains("Halo lagi, selamat datang di versi baru."));
    CaseStore.Row a = new CaseStore(h.service.database()).forChat(2101).get(0);
    assertTrue(a.intake().contains("\"age\":\"34\""), a.intake());

    JsonNode script = json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER));
    assertEquals(2, script.get("version").asInt());
    assertEquals("admin", script.get("history").get(0).get("published_by").asText());
    assertEquals("shorter intake", script.get("history").get(0).get("comment").asText());
  }

  @Test
  void rollbackPublishesTheOldVersionAgain() throws Exception {
    assertEquals(201, http.call("PUT", "/admin/scripts/first-contact", AdminHttp.ADMIN, v2()).statusCode());
    h.api.sendText(2201, "/start");
    h.awaitText(2201, "Halo lagi");

    HttpResponse<String> back = http.call("POST", "/admin/scripts/first-contact/rollback/1", AdminHttp.ADMIN, null);
    assertEquals(201, back.statusCode(), back.body());
    assertEquals(3, json(back).get("version").asInt());
    assertEquals(404, http.call("POST", "/admin/scripts/first-contact/rollback/99", AdminHttp.ADMIN, null).statusCode());

    h.api.sendText(2202, "/start");
    h.awaitText(2202, "Halo, selamat datang.");
    JsonNode script = json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER));
    assertEquals(3, script.get("version").asInt());
    assertEquals(v1, script.get("yaml").asText());
    assertEquals("rollback to version 1", script.get("history").get(0).get("comment").asText());
    assertEquals(v1, Files.readString(dialogs.resolve("first-contact.yaml")));
  }

  @Test
  void aBrokenFileDroppedIntoTheFolderDoesNotReplaceTheRunningVersionAndAGoodOneDoes() throws Exception {
    Files.writeString(dialogs.resolve("first-contact.yaml"), v1.replace("next: story", "next: nowhere"));
    ServiceHarness.sleep(3_000); // several watch rounds
    assertEquals(1, json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER)).get("version").asInt());
    h.api.sendText(2301, "/start");
    h.awaitText(2301, "Halo, selamat datang.");

    Files.writeString(dialogs.resolve("first-contact.yaml"), v2());
    long deadline = System.currentTimeMillis() + 10_000;
    int version = 1;
    while (version == 1 && System.currentTimeMillis() < deadline) {
      ServiceHarness.sleep(200);
      version = json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER)).get("version").asInt();
    }
    assertEquals(2, version, "a valid edit in the folder is published without a restart");
    h.api.sendText(2302, "/start");
    h.awaitText(2302, "Halo lagi, selamat datang di versi baru.");
  }

  @Test
  void theGraphShowsEachNodesTechnique() throws Exception {
    HttpResponse<String> g = http.get("/admin/scripts/first-contact/graph", AdminHttp.VIEWER);
    assertEquals(200, g.statusCode());
    assertTrue(g.body().contains("flowchart TD"), g.body());
    assertTrue(g.body().contains("class n_story ventilation"), g.body());
    assertTrue(g.body().contains("n_consent -->|\"yes\"| n_name"), g.body());
    assertEquals(404, http.get("/admin/scripts/nope/graph", AdminHttp.VIEWER).statusCode());
  }

  @Test
  void caseReadsAndPublishesAreAuditedAndTheExportLeavesSensitiveFieldsOut() throws Exception {
    FirstContactWalk.walk(h, 2401);
    long caseId = new CaseStore(h.service.database()).forChat(2401).get(0).id();

    JsonNode list = json(http.get("/admin/cases?status=waiting&from=2000-01-01&limit=10", AdminHttp.SUPERVISOR));
    assertEquals(1, list.get("total").asInt(), list.toString());
    assertEquals(caseId, list.get("cases").get(0).get("id").asLong());
    assertEquals(0, json(http.get("/admin/cases?flag=crisis", AdminHttp.SUPERVISOR)).get("total").asInt());
    assertEquals(400, http.get("/admin/cases?from=yesterday", AdminHttp.SUPERVISOR).statusCode());

    JsonNode one = json(http.get("/admin/cases/" + caseId, AdminHttp.SUPERVISOR));
    assertEquals("Rina", one.get("intake").get("name").asText());
    assertTrue(one.get("transcript").toString().contains("Saya bingung harus bagaimana"));
    assertTrue(one.get("history").toString().contains("handed_off"));

    HttpResponse<String> csv = http.get("/admin/cases.csv", AdminHttp.SUPERVISOR);
    assertEquals(200, csv.statusCode());
    String header = csv.body().lines().findFirst().orElseThrow();
    assertTrue(header.contains("age") && header.contains("consent"), header);
    assertFalse(header.contains("name"), "name is sensitive: " + header);
    assertFalse(csv.body().contains("Rina"), csv.body());
    assertFalse(csv.body().contains("bingung"), "no story in the export: " + csv.body());
    assertTrue(csv.body().contains(",34"), csv.body());

    assertEquals(201, http.call("PUT", "/admin/scripts/first-contact", AdminHttp.ADMIN, v2()).statusCode());
    assertEquals(422, http.call("PUT", "/admin/scripts/first-contact", AdminHttp.ADMIN, v1.replace("next: story", "next: nowhere")).statusCode());
    assertEquals(201, http.call("POST", "/admin/scripts/first-contact/rollback/1", AdminHttp.ADMIN, null).statusCode());
    assertEquals(404, http.get("/admin/cases/987654", AdminHttp.SUPERVISOR).statusCode());

    List<AuditLog.Entry> log = new AuditLog(h.service.database()).recent(50);
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.read") && e.target().equals("case " + caseId)
        && e.who().equals("PINTU_TOKEN_SUPERVISOR")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.list")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.export")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("script.publish") && e.target().equals("first-contact v2")
        && e.who().equals("admin")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("script.publish") && e.who().equals("file")), "the first publish from the folder");
    assertTrue(log.stream().anyMatch(e -> e.action().equals("script.publish.refused") && e.target().startsWith("first-contact: ")
        && e.who().equals("admin")), "a refused publish: " + log);
    assertTrue(log.stream().anyMatch(e -> e.action().equals("script.rollback") && e.target().equals("first-contact v3 (rollback to version 1)")
        && e.who().equals("admin")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.read") && e.target().equals("case 987654")), "a read of a missing case: " + log);
    assertTrue(log.stream().allMatch(e -> e.at() != null), "each entry says when");
    assertEquals(200, http.get("/admin/audit", AdminHttp.ADMIN).statusCode());
    assertEquals(403, http.get("/admin/audit", AdminHttp.SUPERVISOR).statusCode());
  }
}
