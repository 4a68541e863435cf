package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.dialog.Phrases;
import id.pintu.store.OutboxStore;
import id.pintu.store.TranscriptStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Floods and backlogs through the real service: the flood guard counts by the family's own
 * dates, and a burst at a question gets a handful of answers, not one per message.
 */
class FloodTest {
  @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();

  private static final Set<String> ACKS = Phrases.ACKNOWLEDGEMENTS.stream().map(t -> t.in("id")).collect(Collectors.toSet());

  /** The family at the age question: consent and a name given. */
  private void toAge(long chat) {
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama panggilan");
    h.api.sendText(chat, "Rina");
    h.awaitText(chat, "Berapa usia Anda?");
  }

  /** The family told the story prompt: consent, a name, an age. */
  private void toStory(long chat) {
    toAge(chat);
    h.api.sendText(chat, "34");
    h.awaitText(chat, "Ceritakan apa yang terjadi");
  }

  private long acks(long chat) {
    return h.texts(chat).stream().filter(ACKS::contains).count();
  }

  private boolean slowedDown(long chat) {
    return h.texts(chat).stream().anyMatch(t -> t != null && t.startsWith("Pelan-pelan saja"));
  }

  @Test
  void aBacklogWrittenCalmlyDuringAnOutageIsNotTakenForAFlood() throws Exception {
    long chat = 9_001;
    toStory(chat);
    // Eleven messages written 5 s apart while Telegram held them, handed over all at once.
    long start = Instant.now().getEpochSecond() - 60;
    for (int i = 0; i < 11; i++) h.api.sendTextAt(chat, "bagian cerita " + (i + 1), start + 5L * i);
    try {
      ChildService.waitUntil(() -> acks(chat) >= 11, Duration.ofSeconds(30), "an acknowledgement for each message");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + ": " + h.texts(chat), e);
    }
    ServiceHarness.sleep(500);
    assertEquals(11, acks(chat), h.texts(chat).toString());
    assertTrue(!slowedDown(chat), "no slow-down notice for calm writing delivered late: " + h.texts(chat));
  }

  @Test
  void aRealBurstIsStillSlowedEvenWithDatesInTheFuture() throws Exception {
    long chat = 9_002;
    toStory(chat);
    // Dated an hour ahead and 5 s apart (a clock gone wrong): counted as now, so a burst.
    long future = Instant.now().getEpochSecond() + 3_600;
    for (int i = 0; i < 11; i++) h.api.sendTextAt(chat, "bagian cerita " + (i + 1), future + 5L * i);
    h.awaitText(chat, "Pelan-pelan saja");
    long burst = Instant.now().getEpochSecond();
    long other = 9_003;
    toStory(other);
    for (int i = 0; i < 11; i++) h.api.sendTextAt(other, "bagian cerita " + (i + 1), burst);
    h.awaitText(other, "Pelan-pelan saja");
  }

  /** Waits until nothing waits in the outbox, then a moment for the last answers to be recorded. */
  private void drained() throws Exception {
    OutboxStore outbox = new OutboxStore(h.service.database());
    ChildService.waitUntil(() -> {
      try {
        return outbox.backlog() == 0;
      } catch (Exception e) {
        return false;
      }
    }, Duration.ofSeconds(60), "the outbox to drain");
    ServiceHarness.sleep(1_000);
  }

  @Test
  void threeHundredMessagesAtAQuestionGetAHandfulOfAnswersAndAllAreKept() throws Exception {
    long chat = 9_010;
    toAge(chat);
    int before = h.api.messagesTo(chat).size();
    for (int i = 0; i < 300; i++) h.api.sendText(chat, "qwerty " + letters(i));
    ChildService.waitUntil(() -> stored(chat) >= 300, Duration.ofSeconds(60), "every message to be stored");
    drained();
    List<String> answers = new ArrayList<>(h.texts(chat).subList(before, h.texts(chat).size()));
    assertTrue(answers.size() >= 1 && answers.size() <= 5, answers.size() + " answers to a burst of 300: " + answers);
    String last = answers.get(answers.size() - 1);
    assertTrue(last.contains("Berapa usia Anda?") || last.contains(Phrases.OFFER_PERSON.in("id")),
        "the burst's last answer asks the question again: " + answers);
    h.api.sendText(chat, "34");
    h.awaitText(chat, "Ceritakan apa yang terjadi");
  }

  /** An index as letters only: the age question must not find a number in it. */
  private static String letters(int i) {
    StringBuilder b = new StringBuilder();
    do {
      b.append((char) ('a' + i % 26));
      i /= 26;
    } while (i > 0);
    return b.toString();
  }

  private int stored(long chat) {
    try {
      return (int) new TranscriptStore(h.service.database()).forChat(chat).stream()
          .filter(r -> r.direction().equals(TranscriptStore.IN) && r.text() != null && r.text().startsWith("qwerty")).count();
    } catch (Exception e) {
      return 0;
    }
  }

  @Test
  void fourFloodingChatsDoNotTakeTheNodeOutOfService() throws Exception {
    AdminHttp http = new AdminHttp(h);
    List<Long> chats = List.of(9_020L, 9_021L, 9_022L, 9_023L);
    List<Integer> before = new ArrayList<>();
    for (long chat : chats) {
      toAge(chat);
      before.add(h.api.messagesTo(chat).size());
    }
    for (int i = 0; i < 300; i++) for (long chat : chats) h.api.sendText(chat, "qwerty " + letters(i));
    List<String> unready = new ArrayList<>();
    OutboxStore outbox = new OutboxStore(h.service.database());
    long deadline = System.currentTimeMillis() + 60_000;
    int checks = 0;
    while (System.currentTimeMillis() < deadline) {
      HttpResponse<String> r = http.get("/health/ready", null);
      checks++;
      if (r.statusCode() != 200) unready.add(r.body());
      if (chats.stream().allMatch(c -> stored(c) >= 300) && outbox.backlog() == 0) break;
      ServiceHarness.sleep(50);
    }
    assertTrue(checks > 3, "readiness was asked during the flood");
    assertEquals(List.of(), unready, "ready all through the flood");
    drained();
    for (int i = 0; i < chats.size(); i++) {
      int answers = h.api.messagesTo(chats.get(i)).size() - before.get(i);
      assertTrue(answers <= 5, "chat " + chats.get(i) + ": " + answers + " answers to 300 messages");
    }
  }

}
