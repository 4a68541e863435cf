package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.store.InboxStore;
import id.pintu.testing.botapi.SentMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's queue through the Bot API double, with a movable clock: unclaimed cases
 * announced again, the waiting room, office hours (the test service.yaml: Monday to Friday
 * 08:00-16:00 WIB), the comment after the rating, release and transfer, and a claim race.
 */
class DeskQueueServiceTest {
  static final long STAFF = DeskServiceTest.STAFF;
  static final long SARI = DeskServiceTest.SARI;
  static final long ADI = DeskServiceTest.ADI;
  static final long DEWI = 503;
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final String CONFIG = """
      desk:
        staffChatId: -1001234567890
        sweepSeconds: 1
        claimMinutes: 30
        urgentClaimMinutes: 5
        waitingUpdateMinutes: 5
        onCall: [503]
        staff:
          - {userId: 501, role: counselor, alias: Kak Sari}
          - {userId: 502, role: counselor, alias: Mas Adi}
          - {userId: 503, role: supervisor, alias: Bu Dewi}
      """;

  final MovableClock clock = new MovableClock();
  ServiceHarness h;
  DeskStore desk;
  DeskTopics topics;

  /** Starts the service with the clock moved to the next {@code day} at {@code time} in Jakarta (at least a day ahead). */
  void startAt(DayOfWeek day, String time) throws Exception {
    LocalDate d = ZonedDateTime.now(WIB).toLocalDate().plusDays(1);
    while (d.getDayOfWeek() != day || d.equals(LocalDate.parse("2030-01-01"))) d = d.plusDays(1);
    ZonedDateTime target = d.atTime(LocalTime.parse(time)).atZone(WIB);
    clock.advance(Duration.between(clock.instant(), target.toInstant()));
    h = ServiceHarness.unthrottledStaffGroup().withConfigFile(CONFIG).start(clock);
    desk = new DeskStore(h.service.database());
    topics = new DeskTopics(h, STAFF);
  }

  @AfterEach
  void stop() throws Exception {
    if (h != null) h.close();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** /start then /konselor: a normal case handed off at once. */
  DeskStore.DeskCase askForPerson(long chat) throws Exception {
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.sendText(chat, "/konselor");
    return topicOf(chat);
  }

  /** /start then a message showing danger: an urgent case. */
  DeskStore.DeskCase crisis(long chat) throws Exception {
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.sendText(chat, "aku ingin mati saja");
    h.awaitText(chat, "Konselor segera datang");
    return topicOf(chat);
  }

  DeskStore.DeskCase topicOf(long chat) throws Exception {
    DeskServiceTest.until("a case for chat " + chat, () -> !cases(chat).isEmpty());
    long caseId = cases(chat).get(cases(chat).size() - 1).id();
    DeskServiceTest.until("the topic of case " + caseId, () -> topics.find(caseId).topicThreadId() != null);
    return topics.find(caseId);
  }

  List<CaseStore.Row> cases(long chat) {
    try {
      return new CaseStore(h.service.database()).forChat(chat);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  long countInTopic(int thread, String fragment) {
    return topics.inTopic(thread).stream().filter(m -> m.text() != null && m.text().contains(fragment)).count();
  }

  SentMessage card(DeskStore.DeskCase k) {
    return topics.awaitInTopic(k.topicThreadId(), "Tanda risiko");
  }

  long count(long chat, String fragment) {
    return h.texts(chat).stream().filter(t -> t != null && t.contains(fragment)).count();
  }

  /** What the family was told about their place in line, in order. */
  List<String> places(long chat) {
    return h.texts(chat).stream().filter(t -> t != null && (t.startsWith("Anda di antrean ke-") || t.startsWith("Anda sekarang di urutan pertama")))
        .map(t -> t.startsWith("Anda sekarang") ? "first" : t.substring("Anda di antrean ke-".length(), t.indexOf('.'))).toList();
  }

  void quiet() {
    DeskServiceTest.until("nothing left to process", () -> {
      try {
        return new InboxStore(h.service.database()).backlog() == 0 && h.api.pendingUpdates() == 0;
      } catch (Exception e) {
        return false;
      }
    });
    ServiceHarness.sleep(2_500); // two sweeps and the sender's rounds: anything more would show now
  }

  // ---- tests --------------------------------------------------------------------------------

  @Test
  void anUnclaimedUrgentCaseIsAnnouncedAgainAfterItsTimeoutMentioningTheSupervisorsAndAClaimedOneIsNot() throws Exception {
    startAt(DayOfWeek.TUESDAY, "10:00");
    DeskStore.DeskCase waiting = crisis(3001);
    DeskStore.DeskCase taken = crisis(3002);
    h.api.pressButtonAs(STAFF, card(taken).messageId(), SARI, "d:claim:" + taken.id());
    h.awaitText(3002, "Kak Sari, konselor kami, sudah bergabung");
    quiet();
    assertEquals(0, countInTopic(waiting.topicThreadId(), "belum diambil"), "not before the timeout");

    clock.advance(Duration.ofMinutes(6));
    SentMessage again = topics.awaitInTopic(waiting.topicThreadId(), "belum diambil");
    assertTrue(again.text().contains("Kasus #" + waiting.id() + " (URGENT) belum diambil"), again.text());
    assertTrue(again.text().contains("<a href=\"tg://user?id=" + DEWI + "\">Bu Dewi</a>"), "the supervisor is mentioned: " + again.text());
    assertEquals(List.of("d:claim:" + waiting.id(), "d:release:" + waiting.id(), "d:close:" + waiting.id()), ServiceHarness.buttonData(again));
    quiet();
    assertEquals(1, countInTopic(waiting.topicThreadId(), "belum diambil"), "once per interval, not every sweep");
    assertEquals(0, countInTopic(taken.topicThreadId(), "belum diambil"), "a claimed case is not announced again");

    clock.advance(Duration.ofMinutes(5));
    DeskServiceTest.until("the second announcement", () -> countInTopic(waiting.topicThreadId(), "belum diambil") == 2);
    h.api.pressButtonAs(STAFF, again.messageId(), ADI, "d:claim:" + waiting.id());
    h.awaitText(3001, "Mas Adi, konselor kami, sudah bergabung");
    clock.advance(Duration.ofMinutes(30));
    quiet();
    assertEquals(2, countInTopic(waiting.topicThreadId(), "belum diambil"), "claimed: no more announcements");
    assertEquals(0, countInTopic(taken.topicThreadId(), "belum diambil"));
  }

  @Test
  void theWaitingRoomTellsThePlaceInLineWhenItChangesMeaningfullyAndNeverSpams() throws Exception {
    startAt(DayOfWeek.TUESDAY, "10:00");
    long[] f = {3101, 3102, 3103, 3104};
    List<DeskStore.DeskCase> k = new ArrayList<>();
    for (long chat : f) k.add(askForPerson(chat));
    h.awaitText(f[0], "Anda sekarang di urutan pertama");
    h.awaitText(f[1], "Anda di antrean ke-2");
    h.awaitText(f[2], "Anda di antrean ke-3");
    h.awaitText(f[3], "Anda di antrean ke-4");

    // What a family writes while waiting reaches their topic.
    h.api.sendText(f[2], "masih menunggu, anak saya demam");
    topics.awaitInTopic(k.get(2).topicThreadId(), "masih menunggu, anak saya demam");

    // The first case is claimed: the second family reached the front, but was told their place
    // a moment ago; the others moved up by one place only. Nobody is told anything yet.
    h.api.pressButtonAs(STAFF, card(k.get(0)).messageId(), SARI, "d:claim:" + k.get(0).id());
    h.awaitText(f[0], "Kak Sari, konselor kami, sudah bergabung");
    quiet();
    assertEquals(List.of("2"), places(f[1]));
    assertEquals(List.of("3"), places(f[2]));
    assertEquals(List.of("4"), places(f[3]));

    // Once the minimum interval has passed, the family at the front hears it (from the sweep).
    clock.advance(Duration.ofMinutes(6));
    h.awaitText(f[1], "Anda sekarang di urutan pertama");
    quiet();
    assertEquals(List.of("2", "first"), places(f[1]));
    assertEquals(List.of("3"), places(f[2]), "3 to 2 is not worth a message");
    assertEquals(List.of("4"), places(f[3]));

    // The second case is claimed: the third family reaches the front, the fourth moves up two.
    h.api.pressButtonAs(STAFF, card(k.get(1)).messageId(), ADI, "d:claim:" + k.get(1).id());
    h.awaitText(f[2], "Anda sekarang di urutan pertama");
    h.awaitText(f[3], "Anda di antrean ke-2");
    quiet();
    assertEquals(List.of("3", "first"), places(f[2]));
    assertEquals(List.of("4", "2"), places(f[3]));
    assertEquals(List.of("first"), places(f[0]), "a claimed family hears no more about the line");
    assertEquals(List.of("2", "first"), places(f[1]));
  }

  @Test
  void outsideOfficeHoursACrisisGetsTheHelpContactsInTheSameUpdateAndTheOnCallStaffArePinged() throws Exception {
    startAt(DayOfWeek.SUNDAY, "22:00");
    h.api.sendText(3201, "/start");
    h.awaitText(3201, "Boleh kami simpan");
    int before = h.api.messagesTo(3201).size();
    h.api.sendText(3201, "aku ingin mati saja");
    h.awaitText(3201, "petugas jaga kami sudah dipanggil");
    List<String> reply = h.texts(3201).subList(before, h.texts(3201).size());
    assertTrue(reply.get(0).contains("Hubungi:\n• SAPA 129 – telepon 129, WhatsApp 08111-129-129"), "help contacts first: " + reply);
    assertTrue(reply.stream().anyMatch(t -> t.contains("Konselor segera datang")), reply.toString());
    DeskStore.DeskCase urgent = topicOf(3201);
    DeskServiceTest.until("the on-call ping", () -> h.api.messagesTo(STAFF).stream()
        .anyMatch(m -> m.text() != null && m.text().contains("Krisis di luar jam layanan")));
    SentMessage ping = h.api.messagesTo(STAFF).stream().filter(m -> m.text() != null && m.text().contains("Krisis di luar jam layanan")).findFirst().orElseThrow();
    assertTrue(ping.text().contains("kasus #" + urgent.id()), ping.text());
    assertTrue(ping.text().contains("<a href=\"tg://user?id=" + DEWI + "\">Bu Dewi</a>"), "the on-call supervisor is mentioned: " + ping.text());
    assertNull(ping.threadId(), "in the general topic, where it is seen");
    SentMessage dm = h.awaitText(DEWI, "kasus #" + urgent.id());
    assertTrue(dm.text().contains("di luar jam layanan") && !dm.text().contains("ingin mati"), "and privately, without the family's words: " + dm.text());

    // A family handed off at night is told when a counselor will answer, and may leave their story.
    DeskStore.DeskCase normal = askForPerson(3202);
    SentMessage notice = h.awaitText(3202, "di luar jam layanan kami");
    assertTrue(notice.text().contains("Konselor akan membalas mulai Senin, ") && notice.text().contains(" pukul 08.00 WIB"), notice.text());
    assertTrue(notice.text().contains("Anda boleh menuliskan cerita Anda sekarang"), notice.text());
    h.api.sendText(3202, "ini cerita saya malam ini");
    topics.awaitInTopic(normal.topicThreadId(), "ini cerita saya malam ini");
    quiet();
    assertEquals(List.of(), places(3202), "no place in line at night");
    assertEquals(1, h.api.messagesTo(STAFF).stream().filter(m -> m.text() != null && m.text().contains("Krisis di luar jam layanan")).count(),
        "paged once per case");

    // At night only the urgent case is announced again; nobody is pinged for the normal one.
    clock.advance(Duration.ofMinutes(40));
    topics.awaitInTopic(urgent.topicThreadId(), "belum diambil");
    quiet();
    assertEquals(0, countInTopic(normal.topicThreadId(), "belum diambil"), "a normal case is not announced again at night");

    // When the office opens, the waiting family hears where they stand (the crisis goes first),
    // and the case left from the night is announced.
    clock.advance(Duration.ofHours(9).plusMinutes(21));
    h.awaitText(3202, "Anda di antrean ke-2");
    topics.awaitInTopic(normal.topicThreadId(), "belum diambil");
  }

  @Test
  void theRatingAndTheCommentAreStoredAndAStartAfterTheRatingIsANewFirstContact() throws Exception {
    startAt(DayOfWeek.TUESDAY, "10:00");
    DeskStore.DeskCase k = askForPerson(3301);
    h.api.pressButtonAs(STAFF, card(k).messageId(), SARI, "d:claim:" + k.id());
    h.awaitText(3301, "sudah bergabung");
    h.api.sendToTopic(STAFF, k.topicThreadId(), SARI, "/tutup selesai");
    SentMessage closing = h.awaitText(3301, "Percakapan dengan konselor kami sudah selesai");
    topics.awaitInTopic(k.topicThreadId(), "ditutup oleh Kak Sari: resolved");
    DeskServiceTest.until("the topic closed", () -> !h.api.callsOf("closeForumTopic").isEmpty());
    h.api.pressButton(3301, closing.messageId(), "d:rate:" + k.id() + ":4");
    SentMessage ask = h.awaitText(3301, "Terima kasih atas penilaian");
    assertTrue(ask.text().contains("tulis satu pesan tentang pengalaman Anda"), ask.text());
    assertEquals(List.of("d:skip:" + k.id()), ServiceHarness.buttonData(ask));
    h.api.sendText(3301, "Kak Sari sabar sekali <3");
    h.awaitText(3301, "masukan Anda sudah kami simpan");
    assertEquals(4, desk.rating(k.id()).orElseThrow());
    assertEquals("Kak Sari sabar sekali <3", desk.comment(k.id()).orElseThrow());
    try (var c = h.service.database().connection();
         var p = c.prepareStatement("SELECT comment FROM case_ratings WHERE case_id = " + k.id());
         var rs = p.executeQuery()) {
      assertTrue(rs.next() && rs.getString(1).startsWith("p1:"), "the comment is stored sealed, not as written");
    }
    assertEquals(1, cases(3301).size(), "the comment is not a new first contact");
    long closedAt = h.api.callsOf("closeForumTopic").get(0).seq();
    assertEquals(List.of(), h.api.calls().stream().filter(c -> c.seq() > closedAt && !"closeForumTopic".equals(c.method())
        && c.paramsJson().contains("\"message_thread_id\":" + k.topicThreadId())).map(c -> c.method() + " " + c.description()).toList(),
        "nothing is sent into the topic after it is closed");

    h.api.sendText(3301, "/start");
    DeskServiceTest.until("a new first contact", () -> cases(3301).size() == 2);
    assertEquals(k.id(), cases(3301).get(1).previousCaseId());
    h.awaitText(3301, "Boleh kami simpan");

    // Asked for a comment, the family starts afresh instead: nothing blocks it, no comment stored.
    DeskStore.DeskCase k2 = askForPerson(3302);
    h.api.pressButtonAs(STAFF, card(k2).messageId(), ADI, "d:claim:" + k2.id());
    h.awaitText(3302, "sudah bergabung");
    h.api.sendToTopic(STAFF, k2.topicThreadId(), ADI, "/tutup selesai");
    SentMessage closing2 = h.awaitText(3302, "Percakapan dengan konselor kami sudah selesai");
    h.api.pressButton(3302, closing2.messageId(), "d:rate:" + k2.id() + ":5");
    h.awaitText(3302, "Terima kasih atas penilaian");
    int greetings = (int) count(3302, "Halo, selamat datang");
    h.api.sendText(3302, "/start");
    DeskServiceTest.until("a new first contact", () -> cases(3302).size() == 2);
    DeskServiceTest.until("greeted again", () -> count(3302, "Halo, selamat datang") == greetings + 1);
    assertTrue(desk.comment(k2.id()).isEmpty(), "no comment stored");
    assertEquals(5, desk.rating(k2.id()).orElseThrow());
  }

  @Test
  void releaseSendsTheCaseBackToTheQueueAndTransferMovesTheRelayToTheNewCounselor() throws Exception {
    startAt(DayOfWeek.TUESDAY, "10:00");
    long fam = 3401;
    DeskStore.DeskCase k = askForPerson(fam);
    int thread = k.topicThreadId();
    h.api.pressButtonAs(STAFF, card(k).messageId(), SARI, "d:claim:" + k.id());
    h.awaitText(fam, "Kak Sari, konselor kami, sudah bergabung");
    h.api.sendToTopic(STAFF, thread, SARI, "dari sari 1");
    h.awaitText(fam, "dari sari 1");

    // Release: back in the queue, the family is told plainly, their messages still arrive.
    h.api.sendToTopic(STAFF, thread, SARI, "/lepas");
    topics.awaitInTopic(thread, "dilepas oleh Kak Sari dan kembali ke antrian");
    h.awaitText(fam, "Konselor Anda sedang berhalangan");
    assertEquals("waiting", topics.find(k.id()).status());
    assertNull(topics.find(k.id()).claimedBy());
    h.api.sendToTopic(STAFF, thread, SARI, "dari sari setelah lepas");
    h.api.sendText(fam, "halo? masih ada orang?");
    topics.awaitInTopic(thread, "halo? masih ada orang?");
    h.api.sendToTopic(STAFF, 1, ADI, "/antrian");
    SentMessage q = topics.awaitInTopic(1, "Antrian (1)");
    assertTrue(q.text().contains("#" + k.id()), q.text());

    // A new claim works.
    h.api.pressButtonAs(STAFF, card(k).messageId(), ADI, "d:claim:" + k.id());
    h.awaitText(fam, "Mas Adi, konselor kami, sudah bergabung");
    h.api.sendToTopic(STAFF, thread, ADI, "dari adi 1");
    h.awaitText(fam, "dari adi 1");

    // Transfer: the relay now carries the new counselor's messages and no longer the old one's.
    h.api.sendToTopic(STAFF, thread, ADI, "/alihkan Kak Sari");
    h.awaitText(fam, "Percakapan Anda sekarang dilanjutkan oleh Kak Sari");
    assertEquals(SARI, topics.find(k.id()).claimedBy());
    h.api.sendToTopic(STAFF, thread, ADI, "dari adi setelah alih");
    h.api.sendToTopic(STAFF, thread, SARI, "dari sari setelah alih");
    h.awaitText(fam, "dari sari setelah alih");
    quiet();
    List<String> got = h.texts(fam).stream()
        .filter(t -> t != null && (t.startsWith("dari ") || t.contains("sudah bergabung") || t.contains("berhalangan")
            || t.contains("dilanjutkan oleh") || t.startsWith("Anda di antrean") || t.startsWith("Anda sekarang di urutan"))).toList();
    assertEquals(List.of(
        "Anda sekarang di urutan pertama. Konselor berikutnya yang senggang akan menyapa Anda.",
        "Kak Sari, konselor kami, sudah bergabung. Mulai sekarang pesan Anda dibaca langsung oleh konselor. Silakan lanjutkan.",
        "dari sari 1",
        "Konselor Anda sedang berhalangan. Konselor lain akan segera melanjutkan; pesan Anda tetap kami terima.",
        "Mas Adi, konselor kami, sudah bergabung. Mulai sekarang pesan Anda dibaca langsung oleh konselor. Silakan lanjutkan.",
        "dari adi 1",
        "Percakapan Anda sekarang dilanjutkan oleh Kak Sari, konselor kami.",
        "dari sari setelah alih"), got);
    List<String> actions = desk.events(k.id()).stream().map(DeskStore.Event::action).toList();
    assertTrue(actions.containsAll(List.of("claim", "release", "transfer")), actions.toString());
  }

  @Test
  void twoCounselorsPressingAmbilKasusAtOnceOnTenCasesOneWinsEach() throws Exception {
    startAt(DayOfWeek.TUESDAY, "10:00");
    int n = 10;
    long first = 3500;
    for (int i = 0; i < n; i++) h.api.sendText(first + i, "/start");
    for (int i = 0; i < n; i++) h.awaitText(first + i, "Boleh kami simpan");
    for (int i = 0; i < n; i++) h.api.sendText(first + i, "aku ingin mati saja");
    List<DeskStore.DeskCase> ks = new ArrayList<>();
    for (int i = 0; i < n; i++) ks.add(topicOf(first + i));
    List<SentMessage> cards = ks.stream().map(this::card).toList();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < n; i++) {
        DeskStore.DeskCase k = ks.get(i);
        int msg = cards.get(i).messageId();
        CountDownLatch go = new CountDownLatch(1);
        pool.submit(() -> {
          go.await();
          return h.api.pressButtonAs(STAFF, msg, SARI, "d:claim:" + k.id());
        });
        pool.submit(() -> {
          go.await();
          return h.api.pressButtonAs(STAFF, msg, ADI, "d:claim:" + k.id());
        });
        go.countDown();
      }
    } finally {
      pool.shutdown();
      assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }
    for (int i = 0; i < n; i++) h.awaitText(first + i, "sudah bergabung");
    quiet();
    for (int i = 0; i < n; i++) {
      DeskStore.DeskCase k = topics.find(ks.get(i).id());
      long chat = first + i;
      assertEquals(1, count(chat, "sudah bergabung"), "exactly one 'joined' for family " + chat + ": " + h.texts(chat));
      String winner = k.claimedBy() == SARI ? "Kak Sari" : "Mas Adi";
      assertTrue(h.texts(chat).stream().anyMatch(t -> t != null && t.startsWith(winner + ", konselor kami, sudah bergabung")), h.texts(chat).toString());
      String taken = "Kasus #" + k.id() + " sudah diambil oleh " + winner;
      DeskServiceTest.until("the loser of case " + k.id() + " told", () -> h.api.callsOf("answerCallbackQuery").stream()
          .anyMatch(c -> c.paramsJson().contains(taken)));
      assertEquals(1, h.api.callsOf("answerCallbackQuery").stream().filter(c -> c.paramsJson().contains(taken)).count(),
          "one loser told, case " + k.id() + ": " + h.api.callsOf("answerCallbackQuery").stream().map(c -> c.paramsJson()).filter(j -> j.contains("#" + k.id() + " ")).toList());
      assertEquals(1, h.api.callsOf("answerCallbackQuery").stream()
          .filter(c -> c.paramsJson().contains("Kasus #" + k.id() + " sekarang Anda tangani")).count(), "one winner, case " + k.id());
      assertEquals(1, countInTopic(k.topicThreadId(), "diambil oleh"), "one claim announced in the topic");
    }
    assertFalse(h.texts(first).isEmpty());
  }
}
