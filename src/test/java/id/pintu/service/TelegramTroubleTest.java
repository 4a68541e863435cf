package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.SessionStore;
import id.pintu.testing.botapi.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Telegram in trouble: 429 storms, a long outage, blocked chats. Nothing lost, nothing doubled. */
class TelegramTroubleTest {
  static final List<String> INPUTS = CrashRestartTest.INPUTS;
  @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();

  @Test
  void a429StormAndAnOutageDelayRepliesButLoseAndDoubleNothing() throws Exception {
    int families = 10;
    long first = 7_000;
    Map<Long, List<String>> expected = new LinkedHashMap<>();
    Map<Long, List<String>> all = CrashRestartTest.expectedReplies();
    for (int f = 0; f < families; f++) expected.put(first + f, all.get(CrashRestartTest.FIRST_CHAT + f));

    h.api.failures().tooManyRequestsFor(Duration.ofSeconds(8), 3);
    for (String input : INPUTS.subList(0, 4)) {
      for (int f = 0; f < families; f++) h.api.sendText(first + f, input.replace("NAME", "Nama" + f));
    }
    ServiceHarness.sleep(2_000);
    // Telegram goes away in the middle of the conversations: 25 s is several rounds of the sender's
    // backoff, which is what the test is about (two minutes took the suite 2.5 minutes and showed nothing more).
    h.api.failures().outageFor(Duration.ofSeconds(25), false);
    for (String input : INPUTS.subList(4, INPUTS.size())) {
      for (int f = 0; f < families; f++) h.api.sendText(first + f, input.replace("NAME", "Nama" + f));
    }
    int total = expected.values().stream().mapToInt(List::size).sum();
    ChildService.waitUntil(() -> count(expected.keySet()) >= total, Duration.ofMinutes(5), "every reply after the outage");
    ServiceHarness.sleep(1_500);
    for (var e : expected.entrySet()) {
      List<String> got = h.api.messagesTo(e.getKey()).stream().map(SentMessage::text).toList();
      assertEquals(e.getValue(), got, "chat " + e.getKey() + ": every reply once, in order");
    }
    assertTrue(h.api.tooManyRequestsAnswered() > 0, "the storm happened");
    assertEquals(0, h.api.violationsInsideRetryAfter(), "nothing was sent to a chat inside its retry_after window");
  }

  @Test
  void aChatThatBlockedTheBotIsMarkedUnreachableAndNotRetriedForever() throws Exception {
    long chat = 7_100;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.blockChat(chat);
    h.api.sendText(chat, "ya");
    ChildService.waitUntil(() -> new SessionStore(h.service.database()).find(chat).map(SessionStore.Row::unreachable).orElse(false),
        Duration.ofSeconds(20), "the chat to be marked unreachable");
    int attempts = h.api.callsOf("sendmessage").size();
    ServiceHarness.sleep(2_000);
    assertEquals(attempts, h.api.callsOf("sendmessage").size(), "no endless retries to a blocked chat");
    CaseStore.Row c = new CaseStore(h.service.database()).forChat(chat).get(0);
    assertTrue(c.unreachable(), "the case keeps the information");
    // The family unblocks the bot and writes again: they are reachable again.
    h.api.unblockChat(chat);
    h.api.sendText(chat, "halo");
    h.awaitText(chat, "Kita lanjutkan dari sini");
    h.awaitText(chat, "Siapa nama");
  }

  @Test
  void aFamilyFloodingTheBotIsSlowedPolitelyAndNothingTheyWroteIsDropped() throws Exception {
    long chat = 7_200;
    for (String s : List.of("/start", "ya", "Dewi", "40")) h.api.sendText(chat, s);
    h.awaitText(chat, "Ceritakan apa yang terjadi");
    List<String> story = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      story.add("pesan ke-" + i);
      h.api.sendText(chat, "pesan ke-" + i);
    }
    h.awaitText(chat, "Pelan-pelan saja");
    ChildService.waitUntil(() -> {
      var cs = new CaseStore(h.service.database()).forChat(chat);
      return !cs.isEmpty() && cs.get(0).story() != null && cs.get(0).story().contains("pesan ke-10");
    }, Duration.ofSeconds(30), "the whole story to be kept");
    String kept = new CaseStore(h.service.database()).forChat(chat).get(0).story();
    for (String s : story) assertTrue(kept.contains("\"" + s + "\""), "kept: " + s);
    long notices = h.texts(chat).stream().filter(t -> t.startsWith("Pelan-pelan saja")).count();
    assertEquals(1, notices, "one polite notice, not one per message");
    long acks = h.texts(chat).stream().filter(t -> !t.startsWith("Pelan-pelan") && !t.contains("?") && !t.startsWith("Halo")).count();
    assertTrue(acks < 10, "not every message of the flood was acknowledged: " + h.texts(chat));
  }

  int count(Iterable<Long> chats) {
    int n = 0;
    for (long c : chats) n += h.api.messagesTo(c).size();
    return n;
  }
}
