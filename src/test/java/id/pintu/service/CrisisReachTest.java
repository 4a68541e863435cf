package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import id.pintu.safety.CrisisScreens;
import id.pintu.store.CaseStore;
import id.pintu.testing.botapi.SentMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whom a crisis reaches, through the real service on the shipped dialogs and the shipped
 * lexicon: without a staff chat (the shipped configuration), with on-call staff, and outside
 * office hours with nobody on call. In every case the crisis is logged without the family's
 * words, readiness names the situation, and the family is told the truth.
 */
class CrisisReachTest {
  static final String DANGER = "aku mau bunuh diri malam ini";
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final long FAMILY = 8101;
  static final long ON_CALL = 701;
  static final long ON_CALL_NEVER_STARTED = 702;
  static final long STAFF = -1001234567890L;

  CapturedLog logs;
  final MovableClock clock = new MovableClock();
  ServiceHarness h;

  @BeforeEach
  void captureLogs() {
    logs = new CapturedLog(); // the test configuration's root level (WARN) is what is checked
  }

  @AfterEach
  void stop() throws Exception {
    logs.close();
    if (h != null) h.close();
  }

  /** The service on a copy of the shipped dialogs with the shipped lexicon; {@code yaml} is the config file (or null). */
  void start(String yaml) throws Exception {
    Path dialogs = Files.createTempDirectory("pintu-shipped-dialogs");
    try (Stream<Path> s = Files.list(Path.of("dialogs"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) Files.copy(p, dialogs.resolve(p.getFileName()));
    }
    h = ServiceHarness.unthrottledStaffGroup().set("PINTU_DIALOGS_DIR", dialogs.toString());
    if (yaml != null) h.withConfigFile(yaml);
    h.start(clock, CrisisScreens.forDialogs(dialogs));
  }

  /** Moves the clock to the next {@code day} at {@code time} in Jakarta (at least a day ahead, never the shipped holiday). */
  void at(DayOfWeek day, String time) {
    LocalDate d = ZonedDateTime.now(WIB).toLocalDate().plusDays(1);
    while (d.getDayOfWeek() != day || d.getMonthValue() == 12 && d.getDayOfMonth() >= 24) d = d.plusDays(1);
    ZonedDateTime target = d.atTime(LocalTime.parse(time)).atZone(WIB);
    clock.advance(Duration.between(clock.instant(), target.toInstant()));
  }

  /** The danger message, then "yes, I'm safe": the crisis script's whole path to its urgent handoff. */
  long crisis(long chat) throws Exception {
    h.api.sendText(chat, DANGER);
    h.awaitText(chat, "Apakah Anda aman saat ini?");
    long caseId = new CaseStore(h.service.database()).forChat(chat).get(0).id();
    h.press(chat, "n:safe:yes");
    h.awaitText(chat, "Anda tidak sendirian");
    return caseId;
  }

  /** The message after the crisis script's handoff: what the family is told about who reads them. */
  String told(long chat) {
    return h.awaitText(chat, "nomor-nomor bantuan di atas adalah bantuan tercepat").text();
  }

  List<String> warnings() {
    return logs.warnings();
  }

  boolean warned(String fragment) {
    return logs.warned(fragment);
  }

  void noFamilyWordsLogged() {
    for (ILoggingEvent e : logs.events()) {
      if (!e.getLevel().isGreaterOrEqual(Level.INFO)) continue;
      String line = e.getFormattedMessage();
      assertFalse(line.contains("bunuh") || line.contains("malam ini"), "family text in a log line: " + line);
    }
  }

  HttpResponse<String> ready() throws Exception {
    return new AdminHttp(h).get("/health/ready", null);
  }

  void neverPromised(long chat) {
    for (String t : h.texts(chat)) {
      assertFalse(t.contains("segera membalas") || t.contains("memanggil konselor") || t.contains("reply to you right away"),
          "a reply promised that nobody will give: " + t);
    }
  }

  @Test
  void withoutAStaffChatACrisisIsLoggedReadinessSaysSoAndTheFamilyIsToldTheTruth() throws Exception {
    start(null); // the shipped configuration: no staff chat, nobody on call
    assertTrue(warned("no staff chat (desk.staffChatId) and nobody on call (desk.onCall): a crisis reaches nobody but the help numbers"),
        "said at start-up: " + warnings());

    long caseId = crisis(FAMILY);
    String told = told(FAMILY);

    assertTrue(warned("crisis in case " + caseId + ": suicide_self_harm (urgent); no staff chat"), warnings().toString());
    noFamilyWordsLogged();

    HttpResponse<String> r = ready();
    assertEquals(200, r.statusCode(), "a node without a desk still takes in families: " + r.body());
    assertTrue(r.body().contains("\"desk\":\"no staff chat: crises reach nobody but the help numbers\""), r.body());

    List<String> texts = h.texts(FAMILY);
    int contacts = indexOf(texts, "SAPA 129 – telepon 129, WhatsApp 08111-129-129");
    assertTrue(contacts >= 0 && texts.get(contacts).contains("Polisi – telepon 110"), "the help contacts at once: " + texts);
    assertTrue(contacts < texts.indexOf(told), "help numbers first: " + texts);
    assertEquals(told, texts.get(texts.size() - 1), "the last word is who reads them: " + texts);
    assertTrue(told.contains("Chat ini belum tersambung langsung dengan konselor") && told.contains("belum bisa memastikan kapan konselor akan membaca pesan Anda"), told);
    neverPromised(FAMILY);
  }

  @Test
  void onCallStaffArePingedAtOnceWithoutTheFamilysWordsAndARefusedPingIsLogged() throws Exception {
    start("desk:\n  onCall: [" + ON_CALL + ", " + ON_CALL_NEVER_STARTED + "]\n");
    h.api.blockChat(ON_CALL_NEVER_STARTED); // never pressed Start: Telegram refuses the bot
    assertTrue(warned("no staff chat (desk.staffChatId): a crisis reaches the on-call staff by private message only"), warnings().toString());

    h.api.sendText(FAMILY, DANGER);
    // At once: before the family has answered the safety question.
    SentMessage ping = h.awaitText(ON_CALL, "Krisis");
    long caseId = new CaseStore(h.service.database()).forChat(FAMILY).get(0).id();
    assertTrue(ping.text().contains("kasus #" + caseId + " (suicide_self_harm; urgent)"), ping.text());
    assertFalse(ping.text().contains("bunuh") || ping.text().contains("malam"), "never the family's words: " + ping.text());
    assertTrue(warned("the crisis ping to on-call user " + ON_CALL_NEVER_STARTED + " was refused"), warnings().toString());

    h.awaitText(FAMILY, "Apakah Anda aman saat ini?");
    h.press(FAMILY, "n:safe:yes");
    String told = told(FAMILY);
    assertTrue(told.contains("Petugas jaga kami sudah diberi tahu"), told);
    neverPromised(FAMILY);
    assertTrue(ready().body().contains("\"desk\":\"no staff chat: crises reach the 2 on call by private message only"), ready().body());

    // Paged once per case, however many messages show danger; nothing was lost to the refusal.
    h.api.sendText(FAMILY, "aku tetap mau bunuh diri");
    DeskServiceTest.until("the second crisis logged", () -> warnings().stream().filter(l -> l.startsWith("crisis in case " + caseId + ":")).count() == 2);
    ServiceHarness.sleep(500);
    assertEquals(1, h.api.messagesTo(ON_CALL).size(), "paged once: " + h.texts(ON_CALL));
    assertEquals("waiting", new CaseStore(h.service.database()).forChat(FAMILY).get(0).status());
    noFamilyWordsLogged();
  }

  @Test
  void inOfficeHoursWithADeskTheOnCallStaffArePingedInTheStaffChatAndPrivately() throws Exception {
    at(DayOfWeek.TUESDAY, "10:00");
    start("desk:\n  staffChatId: " + STAFF + "\n  onCall: [" + ON_CALL + "]\n  staff:\n    - {userId: " + ON_CALL
        + ", role: supervisor, alias: Bu Dewi}\n");
    h.api.sendText(FAMILY, DANGER);
    SentMessage dm = h.awaitText(ON_CALL, "Krisis");
    assertFalse(dm.text().contains("bunuh"), dm.text());
    SentMessage mention = h.awaitText(STAFF, "🚨");
    assertTrue(mention.text().contains("<a href=\"tg://user?id=" + ON_CALL + "\">Bu Dewi</a>"), mention.text());
    assertFalse(mention.text().contains("bunuh"), mention.text());
    h.awaitText(FAMILY, "Apakah Anda aman saat ini?");
    h.press(FAMILY, "n:safe:yes");
    assertTrue(told(FAMILY).contains("Konselor kami sedang bertugas dan sudah diberi tahu"), h.texts(FAMILY).toString());
    neverPromised(FAMILY);
  }

  @Test
  void outOfHoursWithNobodyOnCallTheFamilyIsToldWhenACounselorWillRead() throws Exception {
    at(DayOfWeek.SATURDAY, "22:00");
    start("desk:\n  staffChatId: " + STAFF + "\n  staff:\n    - {userId: 501, role: counselor, alias: Kak Sari}\n");
    assertTrue(warned("nobody on call (desk.onCall): outside office hours a crisis reaches nobody but the help numbers until the office opens"
        + " (it is outside office hours now)"), warnings().toString());

    long caseId = crisis(FAMILY);
    String told = told(FAMILY);
    assertTrue(told.contains("tidak ada petugas yang berjaga") && told.contains("Konselor kami akan membaca pesan Anda mulai Senin, ")
        && told.contains(" pukul 08.00 WIB"), told);
    neverPromised(FAMILY);
    assertTrue(warned("crisis in case " + caseId + ": suicide_self_harm (urgent); outside office hours and nobody on call"), warnings().toString());
    HttpResponse<String> r = ready();
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("\"desk\":\"outside office hours and nobody on call: crises reach nobody but the help numbers until "), r.body());
    noFamilyWordsLogged();
  }

  static int indexOf(List<String> texts, String fragment) {
    for (int i = 0; i < texts.size(); i++) if (texts.get(i) != null && texts.get(i).contains(fragment)) return i;
    return -1;
  }
}
