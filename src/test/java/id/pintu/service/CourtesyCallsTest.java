package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.RecordedCall;
import id.pintu.testing.botapi.SentMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A family presses a button: the spinner stops and the answered question loses its buttons.
 * Both calls leave from memory: never kept in the store, never holding the next question
 * back, tried again when Telegram stumbles, let go when Telegram refuses them.
 */
class CourtesyCallsTest {
  @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();

  @Test
  void aPressIsAnsweredAndItsButtonsTakenAwayWithNeitherCallKeptInTheStore() throws Exception {
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
      assertEquals(0, outboxRows(c, chat, "answerCallbackQuery") + outboxRows(c, chat, "editMessageReplyMarkup"),
          "no courtesy call is kept: a callback query id is nothing to store about a family");
      assertTrue(outboxRows(c, chat, "sendMessage") >= 2, "the replies themselves still go through the store");
    }
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
