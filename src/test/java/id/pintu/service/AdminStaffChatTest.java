package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
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
    h = new ServiceHarness(RateLimits.telegramLike().withGroupPerMinute(100_000));
    dialogs = AdminHttp.withTokensAndOwnDialogs(h);
    h.set("PINTU_SENDING_PER_GROUP_PER_MINUTE", "100000").withConfigFile(DeskServiceTest.CONFIG).start();
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
}
