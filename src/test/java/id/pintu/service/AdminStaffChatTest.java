package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.store.AuditLog;
import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.testing.botapi.SentMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin side with a staff chat configured: refused edits announced there, cases by counselor. */
class AdminStaffChatTest {
  static final long STAFF = DeskServiceTest.STAFF;

  ServiceHarness h;
  AdminHttp http;
  Path dialogs;
  String v1;

  @BeforeEach
  void start() throws Exception {
    h = ServiceHarness.unthrottledStaffGroup();
    dialogs = AdminHttp.withTokensAndOwnDialogs(h);
    h.withConfigFile(DeskServiceTest.CONFIG).start();
    http = new AdminHttp(h);
    v1 = Files.readString(dialogs.resolve("first-contact.yaml"), StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  /** Staff chat messages about dialog files (the general topic: no thread). */
  List<SentMessage> notices() {
    return h.api.messagesTo(STAFF).stream().filter(m -> m.text() != null && m.text().contains("first-contact.yaml")).toList();
  }

  List<SentMessage> awaitNotices(int n) {
    DeskServiceTest.until(n + " staff chat notices", () -> notices().size() >= n);
    return notices();
  }

  static int lineOf(String text, String fragment) {
    return text.substring(0, text.indexOf(fragment)).split("\n", -1).length;
  }

  @Test
  void aRefusedFileEditIsAnnouncedOnceInTheStaffChatAgainWhenItChangesAndWhenFixed() throws Exception {
    String broken = v1.replace("next: story", "next: nowhere");
    Files.writeString(dialogs.resolve("first-contact.yaml"), broken);
    SentMessage notice = awaitNotices(1).get(0);
    assertTrue(notice.text().startsWith("⚠️ <b>Perubahan skrip tidak diterbitkan.</b> <code>first-contact.yaml</code> punya 4 masalah;"),
        "Indonesian first: " + notice.text());
    assertTrue(notice.text().contains("Script edit not published"), "then English: " + notice.text());
    assertTrue(notice.text().contains("first-contact.yaml:" + lineOf(broken, "- id: age") + ":5: node 'age'"), "names the file, line and node: " + notice.text());
    assertTrue(notice.text().contains("nowhere"), notice.text());
    assertEquals(null, notice.threadId(), "the general topic");

    // The same text again (touched, and seen again after a restart): no second announcement.
    Files.writeString(dialogs.resolve("first-contact.yaml"), broken);
    ServiceHarness.sleep(2_500); // two watch rounds
    h.stop();
    h.start();
    http = new AdminHttp(h);
    ServiceHarness.sleep(1_500);
    assertEquals(1, notices().size(), "announced once: " + notices());
    assertEquals(1, AdminApiTest.json(http.get("/admin/scripts/first-contact", AdminHttp.VIEWER)).get("version").asInt());

    // A different broken text is announced again, with what the file says escaped for HTML.
    String broken2 = v1.replace("next: story", "next: \"<b>nowhere</b>\"");
    Files.writeString(dialogs.resolve("first-contact.yaml"), broken2);
    SentMessage again = awaitNotices(2).get(1);
    assertTrue(again.text().contains("&lt;b&gt;nowhere&lt;/b&gt;"), again.text());
    assertFalse(again.text().contains("<b>nowhere"), again.text());

    // A good edit is published and said to be fixed.
    Files.writeString(dialogs.resolve("first-contact.yaml"), v1.replace("Halo, selamat datang.", "Halo, apa kabar?"));
    SentMessage fixed = awaitNotices(3).get(2);
    assertTrue(fixed.text().startsWith("✅ <code>first-contact.yaml</code> sudah diperbaiki dan diterbitkan sebagai versi 2."), fixed.text());
    assertTrue(fixed.text().contains("is fixed and published as version 2"), fixed.text());
    ServiceHarness.sleep(1_500);
    assertEquals(3, notices().size(), notices().toString());
  }

  /** A family handed off and its case claimed by {@code counselor}; returns the case id. */
  long handedOffAndClaimed(long family, long counselor, String alias) throws Exception {
    FirstContactWalk.walk(h, family);
    long caseId = new CaseStore(h.service.database()).forChat(family).get(0).id();
    SentMessage card = MetricsAndHealthTest.awaitCard(h, caseId);
    h.api.pressButtonAs(STAFF, card.messageId(), counselor, "d:claim:" + caseId);
    h.awaitText(family, alias + ", konselor kami, sudah bergabung");
    return caseId;
  }

  @Test
  void casesFilterByCounselorAliasOrUserIdInTheListAndTheExport() throws Exception {
    long sari = handedOffAndClaimed(5001, DeskServiceTest.SARI, "Kak Sari");
    long adi = handedOffAndClaimed(5002, DeskServiceTest.ADI, "Mas Adi");
    h.api.sendToTopic(STAFF, MetricsAndHealthTest.find(new DeskStore(h.service.database()), sari).topicThreadId(), DeskServiceTest.SARI, "Selamat siang, saya Sari.");
    h.awaitText(5001, "Selamat siang, saya Sari.");

    JsonNode bySari = AdminApiTest.json(http.get("/admin/cases?counselor=Kak%20Sari", AdminHttp.SUPERVISOR));
    assertEquals(1, bySari.get("total").asInt(), bySari.toString());
    JsonNode one = bySari.get("cases").get(0);
    assertEquals(sari, one.get("id").asLong());
    assertEquals("Kak Sari", one.get("counselor").get("alias").asText());
    assertEquals(DeskServiceTest.SARI, one.get("counselor").get("user_id").asLong());
    assertTrue(one.get("first_reply_at").isTextual(), "her first words are on record: " + one);

    JsonNode byAdi = AdminApiTest.json(http.get("/admin/cases?counselor=" + DeskServiceTest.ADI + "&status=claimed", AdminHttp.SUPERVISOR));
    assertEquals(1, byAdi.get("total").asInt(), byAdi.toString());
    assertEquals(adi, byAdi.get("cases").get(0).get("id").asLong());
    assertTrue(byAdi.get("cases").get(0).get("first_reply_at").isNull(), "Adi has not written yet");
    assertEquals(1, AdminApiTest.json(http.get("/admin/cases?counselor=mas%20adi", AdminHttp.SUPERVISOR)).get("total").asInt(),
        "aliases match whatever the case");
    assertEquals(0, AdminApiTest.json(http.get("/admin/cases?counselor=Kak%20Sari&status=waiting", AdminHttp.SUPERVISOR)).get("total").asInt());

    HttpResponse<String> nobody = http.get("/admin/cases?counselor=Pak%20Joko", AdminHttp.SUPERVISOR);
    assertEquals(400, nobody.statusCode());
    assertTrue(nobody.body().contains("no one on the staff list has the alias 'Pak Joko'"), nobody.body());

    // Paging: newest first, the total counts every match.
    JsonNode page2 = AdminApiTest.json(http.get("/admin/cases?limit=1&offset=1", AdminHttp.SUPERVISOR));
    assertEquals(2, page2.get("total").asInt());
    assertEquals(1, page2.get("cases").size());
    assertEquals(sari, page2.get("cases").get(0).get("id").asLong(), page2.toString());

    HttpResponse<String> csv = http.get("/admin/cases.csv?counselor=Mas%20Adi", AdminHttp.SUPERVISOR);
    assertEquals(200, csv.statusCode());
    List<String> lines = csv.body().lines().toList();
    assertTrue(lines.get(0).contains(",counselor,claimed_at,first_reply_at"), lines.get(0));
    assertEquals(2, lines.size(), csv.body());
    assertTrue(lines.get(1).startsWith(adi + ",claimed,") && lines.get(1).contains(",Mas Adi,"), lines.get(1));
    assertEquals(400, http.get("/admin/cases.csv?counselor=Pak%20Joko", AdminHttp.SUPERVISOR).statusCode());

    List<AuditLog.Entry> log = new AuditLog(h.service.database()).recent(50);
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.list") && e.target().contains("counselor=Kak%20Sari")), log.toString());
    assertTrue(log.stream().anyMatch(e -> e.action().equals("case.export") && e.target().startsWith("1 cases counselor=Mas%20Adi")), log.toString());
  }
}
