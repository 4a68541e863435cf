package id.pintu.desk;

import id.pintu.store.DeskStore.DeskCase;
import id.pintu.store.OutboxStore;
import id.pintu.store.TranscriptStore;
import id.pintu.telegram.OutboundMessage;
import id.pintu.telegram.ReplyComposer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Everything the desk says goes through the outbox, in the caller's transaction. A call into
 * a case topic whose thread id is not known yet carries {@link #TOPIC_PENDING}; the sender
 * fills it in ({@link CaseTopics#prepare}) once the topic exists, which it always does first
 * because the staff chat's outbox rows leave strictly in order.
 */
final class DeskOutbox {
  static final int TOPIC_PENDING = 0;

  private final OutboxStore outbox;
  private final TranscriptStore transcript;
  private final ReplyComposer composer;
  final long staffChat;

  DeskOutbox(OutboxStore outbox, TranscriptStore transcript, ReplyComposer composer, long staffChat) {
    this.outbox = outbox;
    this.transcript = transcript;
    this.composer = composer;
    this.staffChat = staffChat;
  }

  static int thread(DeskCase k) {
    return k.topicThreadId() == null ? TOPIC_PENDING : k.topicThreadId();
  }

  /** Plain text into the case's topic. */
  void toTopic(Connection c, DeskCase k, String text, Instant now) throws SQLException {
    call(c, staffChat, k.id(), SendMessage.builder().chatId(staffChat).messageThreadId(thread(k)).text(clip(text)).build(), false, now);
  }

  /** HTML into the case's topic; the caller has escaped every piece of family text. */
  void htmlToTopic(Connection c, DeskCase k, String html, InlineKeyboardMarkup buttons, Instant now) throws SQLException {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(staffChat).messageThreadId(thread(k)).text(html).parseMode("HTML");
    if (buttons != null) b.replyMarkup(buttons);
    call(c, staffChat, k.id(), b.build(), false, now);
  }

  /** Plain text into the staff chat, in a given thread (or the general topic). */
  void toStaff(Connection c, Integer thread, String text, Instant now) throws SQLException {
    call(c, staffChat, null, SendMessage.builder().chatId(staffChat).messageThreadId(thread).text(clip(text)).build(), false, now);
  }

  /** HTML into the staff chat's general topic; the caller has escaped every piece of family text. */
  void htmlToStaff(Connection c, Long caseId, String html, Instant now) throws SQLException {
    call(c, staffChat, caseId, SendMessage.builder().chatId(staffChat).text(html).parseMode("HTML").build(), false, now);
  }

  /** A message from the service to the family, kept in the transcript. */
  void toFamily(Connection c, DeskCase k, String text, InlineKeyboardMarkup buttons, Instant now) throws SQLException {
    toFamily(c, k.chatId(), k.id(), text, buttons, now);
  }

  void toFamily(Connection c, long chatId, long caseId, String text, InlineKeyboardMarkup buttons, Instant now) throws SQLException {
    SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder().chatId(chatId).text(clip(text));
    if (buttons != null) b.replyMarkup(buttons);
    long id = call(c, chatId, caseId, b.build(), false, now);
    transcript.add(c, chatId, caseId, TranscriptStore.OUT, "text", text, null, null, id, now);
  }

  /** {@code <a href="tg://user?id=...">alias</a>}: notifies that member of staff. */
  static String mention(long userId, String alias) {
    return "<a href=\"tg://user?id=" + userId + "\">" + Html.esc(alias) + "</a>";
  }

  /** Copies a message between the family's chat and the topic (no sender shown, media kept); {@code caption}: a new one, or null to keep it. */
  long copy(Connection c, long toChat, Integer thread, long fromChat, int messageId, Long caseId, String caption, Instant now)
      throws SQLException {
    CopyMessage m = CopyMessage.builder().chatId(toChat).messageThreadId(thread).fromChatId(fromChat).messageId(messageId)
        .caption(caption).build();
    return call(c, toChat, caseId, m, false, now);
  }

  void answer(Connection c, String callbackQueryId, String text, Instant now) throws SQLException {
    call(c, staffChat, null, AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).showAlert(text != null && text.length() > 60)
        .build(), true, now);
  }

  long call(Connection c, long chat, Long caseId, BotApiMethod<?> m, boolean optional, Instant now) throws SQLException {
    OutboundMessage out = composer.of(m, optional);
    return outbox.add(c, chat, caseId, out.method(), out.payload(), out.optional(), now);
  }

  private static String clip(String s) {
    return Html.clip(s == null || s.isEmpty() ? "…" : s, 4096);
  }
}
