package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.RecordedCall;
import id.pintu.testing.botapi.SentMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A family presses a button: the spinner stops and the answered question loses its buttons.
 * The answer leaves from memory (never kept in the store, never holding the next question
 * back); the removal is stored like a reply, after the step's replies. Both are tried again
 * when Telegram stumbles or goes away for a while, and let go when Telegram refuses them.
 */
class CourtesyCallsTest {
  @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();

  @Test
  void aPressIsAnsweredFromMemoryAndItsButtonsTakenAwayThroughTheStore() throws Exception {
    long chat = 7_300;
    h.api.sendText(chat, "/start");
    SentMessage question = h.awaitText(chat, "Boleh kami simpan");
    int press = h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama");

    RecordedCall answer = okCall("answerCallbackQuery", chat, "cbq-" + press);
    assertTrue(answer.paramsJson().contains("\"cbq-" + press + "\""), answer.paramsJson());
    RecordedCall removal = okCall("editMessageReplyMarkup", chat, "\"message_id\":" + question.messageId());
    assertTrue(removal.paramsJson().contains("\"inline_keyboard\":[]"), "the buttons are taken away: " + removal.paramsJson());

    try (Connection c = h.store.connect()) {
      assertEquals(0, outboxRows(c, chat, "answerCallbackQuery"),
          "the answer is not kept: a callback query id is nothing to store about a family, and Telegram takes it for a short time only");
      assertEquals(1, outboxRows(c, chat, "editMessageReplyMarkup"), "the removal is stored, so an outage or a crash cannot lose it");
      assertTrue(outboxRows(c, chat, "sendMessage") >= 2, "the replies themselves go through the store");
    }
    SentMessage next = h.awaitText(chat, "Siapa nama");
    assertTrue(next.at().compareTo(removal.at()) <= 0, "the next question does not wait for the removal");
  }

  @Test
  void anOutageHoldsAnswersAndRemovalsUntilTelegramIsBack() throws Exception {
    int families = 8;
    long first = 7_310;
    Map<Long, SentMessage> questions = new LinkedHashMap<>();
    for (int f = 0; f < families; f++) h.api.sendText(first + f, "/start");
    for (int f = 0; f < families; f++) questions.put(first + f, h.awaitText(first + f, "Boleh kami simpan"));
    // Telegram answers every call but getUpdates with 502 for 6 s (several rounds of both
    // backoffs): the presses come in and are processed, nothing they cause can leave.
    h.api.failures().serverErrorsFor(Duration.ofSeconds(6), 502);
    java.time.Instant back = java.time.Instant.now().plusSeconds(6);
    Map<Long, Integer> presses = new LinkedHashMap<>();
    for (long chat : questions.keySet()) presses.put(chat, h.press(chat, "n:consent:yes"));
    // The answers meet it at once; each removal waits behind its chat's next question, which is
    // being tried again, and leaves after it.
    ChildService.waitUntil(() -> h.api.callsOf("answerCallbackQuery").stream().filter(c -> !c.ok()).count() >= families,
        Duration.ofSeconds(20), "every answer to meet the outage");

    for (long chat : questions.keySet()) {
      RecordedCall answer = okCall("answerCallbackQuery", chat, "\"cbq-" + presses.get(chat) + "\"");
      RecordedCall removal = okCall("editMessageReplyMarkup", chat, "\"message_id\":" + questions.get(chat).messageId());
      assertTrue(removal.paramsJson().contains("\"inline_keyboard\":[]"), removal.paramsJson());
      assertTrue(answersTo(presses.get(chat)).size() >= 3, "the answer was tried through the outage: " + answersTo(presses.get(chat)));
      assertTrue(answer.at().isAfter(back.minusMillis(200)) && removal.at().isAfter(back.minusMillis(200)),
          "both went through once Telegram was back: " + answer.at() + ", " + removal.at() + " (back at " + back + ")");
      h.awaitText(chat, "Siapa nama");
    }
    assertEquals(0, h.service.sender().courtesyDropped(), "no answer was given up: the outage was shorter than Telegram keeps a query");
  }

  @Test
  void aStumbleIsTriedAgainAndTheNextQuestionStillComes() throws Exception {
    long chat = 7_301;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.api.failures().serverErrorsFor(Duration.ofMillis(600), 502);
    int press = h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama");
    RecordedCall answered = okCall("answerCallbackQuery", chat, "cbq-" + press);
    List<RecordedCall> tries = answersTo(press);
    assertTrue(tries.size() >= 2 && tries.size() <= 3, "tried again after the 502, at most three times: " + tries);
    assertEquals(502, tries.get(0).status(), "the first try met the stumble");
    assertEquals(answered, tries.get(tries.size() - 1), "the last try went through");
  }

  @Test
  void aRefusedAnswerIsLetGoAtOnceAndHoldsNothingUp() throws Exception {
    long chat = 7_302;
    h.api.sendText(chat, "/start");
    SentMessage question = h.awaitText(chat, "Boleh kami simpan");
    // A press whose query Telegram no longer knows (answered too late, e.g. after a restart).
    String update = h.api.buttonPressUpdate(chat, question.messageId(), chat, "n:consent:yes")
        .replaceAll("\"cbq-\\d+\"", "\"cbq-expired\"");
    h.api.pushUpdate(update);
    h.awaitText(chat, "Siapa nama");
    okCall("editMessageReplyMarkup", chat, "\"message_id\":" + question.messageId());
    ServiceHarness.sleep(1_500); // longer than the first retry's wait
    List<RecordedCall> answers = h.api.callsOf("answerCallbackQuery").stream()
        .filter(c -> c.paramsJson().contains("cbq-expired")).toList();
    assertEquals(1, answers.size(), "a 400 is not tried again: " + answers);
    assertEquals(400, answers.get(0).status());
    h.api.sendText(chat, "Dewi");
    h.awaitText(chat, "Berapa usia");
  }

  /** Waits for an accepted call of this method whose parameters contain {@code fragment}. */
  private RecordedCall okCall(String method, long chat, String fragment) throws Exception {
    RecordedCall[] found = new RecordedCall[1];
    ChildService.waitUntil(() -> {
      for (RecordedCall c : h.api.callsOf(method)) {
        if (c.ok() && c.paramsJson().contains(fragment)) {
          found[0] = c;
          return true;
        }
      }
      return false;
    }, Duration.ofSeconds(20), method + " for chat " + chat + " with " + fragment);
    return found[0];
  }

  private List<RecordedCall> answersTo(int press) {
    return h.api.callsOf("answerCallbackQuery").stream().filter(c -> c.paramsJson().contains("\"cbq-" + press + "\"")).toList();
  }

  private static long outboxRows(Connection c, long chat, String method) throws Exception {
    try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE chat_id = ? AND LOWER(method) = LOWER(?)")) {
      p.setLong(1, chat);
      p.setString(2, method);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
