package id.pintu.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.dialog.Button;
import id.pintu.dialog.Effect;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.KeyboardRow;

/**
 * Turns the engine's {@code Send} effects and the courtesy calls around button presses into
 * Bot API method objects, stored as JSON in the outbox. Family text is sent as plain text
 * (no parse mode), so nothing a family wrote can change how a message is rendered.
 */
public final class ReplyComposer {
  /** The method of {@link #answerButton}, as {@link OutboundMessage#method()} names it. */
  public static final String ANSWER_BUTTON = "answercallbackquery";

  private final ObjectMapper json;

  public ReplyComposer(ObjectMapper json) {
    this.json = json;
  }

  public OutboundMessage send(long chatId, Effect.Send s) {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(clip(s.text()));
    if (s.askContact()) {
      String label = s.buttons().isEmpty() ? "Bagikan nomor" : s.buttons().get(0).label();
      b.replyMarkup(ReplyKeyboardMarkup.builder()
          .keyboardRow(new KeyboardRow(KeyboardButton.builder().text(label).requestContact(true).build()))
          .oneTimeKeyboard(true).resizeKeyboard(true).build());
    } else if (!s.buttons().isEmpty()) {
      List<InlineKeyboardRow> rows = new ArrayList<>();
      for (Button btn : s.buttons()) {
        rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(btn.label()).callbackData(btn.data()).build()));
      }
      b.replyMarkup(InlineKeyboardMarkup.builder().keyboard(rows).build());
    }
    return of(b.build(), false);
  }

  /** Stops the spinner on the family's button. */
  public OutboundMessage answerButton(String callbackQueryId) {
    return of(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).build(), true);
  }

  /** Removes the buttons of an answered question, so an old button cannot be pressed twice. */
  public OutboundMessage removeButtons(long chatId, int messageId) {
    return of(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId)
        .replyMarkup(InlineKeyboardMarkup.builder().keyboard(List.of()).build()).build(), true);
  }

  public OutboundMessage of(BotApiMethod<?> method, boolean optional) {
    try {
      return new OutboundMessage(method.getMethod(), json.writeValueAsString(method), optional);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + method.getMethod(), e);
    }
  }

  /** Telegram's limit is 4096 characters; the validator keeps scripts under it, this is the last guard. */
  static String clip(String text) {
    if (text == null || text.isEmpty()) return "…";
    return text.length() <= 4096 ? text : text.substring(0, 4095) + "…";
  }
}
