package id.pintu.testing.botapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Bot API methods the double answers (all but getUpdates, which waits), with
 * Telegram's validation and error texts. Not thread-safe: the double calls it under its
 * own lock.
 */
final class BotApiMethods {

  /** Lets a sending method through the flood limits, or throws the 429 to answer. */
  interface Admission {
    void admit(long chatId);
  }

  static final Set<String> SENDING = Set.of("sendMessage", "copyMessage", "forwardMessage");
  private static final Map<String, String> CANONICAL = new TreeMap<>();

  static {
    for (String name : new String[] {"getMe", "getUpdates", "setWebhook", "deleteWebhook",
        "getWebhookInfo", "sendMessage", "editMessageText", "editMessageReplyMarkup",
        "answerCallbackQuery", "copyMessage", "forwardMessage", "createForumTopic",
        "closeForumTopic", "sendChatAction"}) {
      CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
    }
  }

  private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo",
      "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
      "choose_sticker", "find_location", "record_video_note", "upload_video_note");

  private final ChatBook chats;
  private final UpdateQueue updates;
  private final JsonObject me;

  BotApiMethods(ChatBook chats, UpdateQueue updates, long botId) {
    this.chats = chats;
    this.updates = updates;
    this.me = UpdateFactory.bot(botId, "pintu_test_bot");
  }

  /** The method's proper name, or null when the double does not know it. */
  static String canonical(String requested) {
    return CANONICAL.get(requested.toLowerCase(Locale.ROOT));
  }

  JsonObject me() {
    return me;
  }

  /** Runs a method; returns the {@code result} or throws {@link BotApiError}. */
  Object call(String method, JsonObject p, Admission admission) {
    return switch (method) {
      case "getMe" -> me.copy().put("can_join_groups", true)
          .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
      case "setWebhook" -> setWebhook(p);
      case "deleteWebhook" -> deleteWebhook(p);
      case "getWebhookInfo" -> updates.webhookInfo();
      case "sendMessage" -> sendMessage(p, admission);
      case "editMessageText" -> edit(p, true);
      case "editMessageReplyMarkup" -> edit(p, false);
      case "answerCallbackQuery" -> answerCallbackQuery(p);
      case "copyMessage" -> copyOrForward(p, admission, true);
      case "forwardMessage" -> copyOrForward(p, admission, false);
      case "createForumTopic" -> createForumTopic(p);
      case "closeForumTopic" -> closeForumTopic(p);
      case "sendChatAction" -> sendChatAction(p);
      default -> throw new BotApiError(404, "Not Found: method not found", null);
    };
  }

  private Object setWebhook(JsonObject p) {
    String url = string(p, "url");
    if (url != null && !url.isEmpty() && !url.startsWith("http")) {
      throw BotApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    if (Boolean.parseBoolean(String.valueOf(p.getValue("drop_pending_updates")))) {
      updates.dropAll();
    }
    updates.setWebhook(url, string(p, "secret_token"));
    return true;
  }

  private Object deleteWebhook(JsonObject p) {
    if (Boolean.parseBoolean(String.valueOf(p.getValue("drop_pending_updates")))) {
      updates.dropAll();
    }
    updates.setWebhook("", null);
    return true;
  }

  private Object sendMessage(JsonObject p, Admission admission) {
    long chatId = requireChat(p);
    String text = string(p, "text");
    checkText(text);
    JsonObject markup = markup(p);
    Integer threadId = threadIn(chatId, p);
    admission.admit(chatId);
    JsonObject message = botMessage(chatId, threadId).put("text", text);
    if (markup != null) {
      message.put("reply_markup", markup);
    }
    chats.store(chatId, message);
    chats.recordSent(sent(message, chatId, text, markup, threadId, "sendMessage"));
    return message;
  }

  private Object edit(JsonObject p, boolean withText) {
    if (p.getValue("inline_message_id") != null) {
      throw BotApiError.badRequest("MESSAGE_ID_INVALID");
    }
    long chatId = requireChat(p);
    Integer messageId = integer(p, "message_id");
    JsonObject current = messageId == null ? null : chats.message(chatId, messageId);
    if (current == null) {
      throw BotApiError.badRequest("message to edit not found");
    }
    if (!current.getJsonObject("from", new JsonObject()).getBoolean("is_bot", false)) {
      throw BotApiError.badRequest("message can't be edited");
    }
    String text = withText ? string(p, "text") : current.getString("text");
    if (withText) {
      checkText(text);
    }
    JsonObject markup = markup(p);
    if (java.util.Objects.equals(text, current.getString("text"))
        && java.util.Objects.equals(markup, current.getJsonObject("reply_markup"))) {
      throw BotApiError.badRequest("message is not modified: specified new message content"
          + " and reply markup are exactly the same as a current content and reply markup"
          + " of the message");
    }
    JsonObject edited = current.copy().put("edit_date", now());
    if (text != null) {
      edited.put("text", text);
    }
    if (markup == null) {
      edited.remove("reply_markup");
    } else {
      edited.put("reply_markup", markup);
    }
    chats.store(chatId, edited);
    String method = withText ? "editMessageText" : "editMessageReplyMarkup";
    chats.recordEdit(sent(edited, chatId, text, markup, edited.getInteger("message_thread_id"),
        method));
    return edited;
  }

  private Object answerCallbackQuery(JsonObject p) {
    String id = string(p, "callback_query_id");
    if (id == null || !chats.knowsCallbackQuery(id)) {
      throw BotApiError.badRequest(
          "query is too old and response timeout expired or query ID is invalid");
    }
    return true;
  }

  private Object copyOrForward(JsonObject p, Admission admission, boolean copy) {
    long chatId = requireChat(p);
    Long fromChatId = longValue(p.getValue("from_chat_id"));
    Integer messageId = integer(p, "message_id");
    JsonObject source = fromChatId == null || messageId == null
        ? null : chats.message(fromChatId, messageId);
    if (source == null) {
      throw BotApiError.badRequest(copy ? "message to copy not found"
          : "message to forward not found");
    }
    Integer threadId = threadIn(chatId, p);
    JsonObject markup = copy ? markup(p) : null;
    admission.admit(chatId);
    JsonObject message = botMessage(chatId, threadId);
    for (String field : source.fieldNames()) {
      if (!Set.of("message_id", "from", "chat", "date", "message_thread_id",
          "is_topic_message", "reply_markup", "edit_date").contains(field)) {
        message.put(field, source.getValue(field));
      }
    }
    if (copy && p.getValue("caption") != null) {
      message.put("caption", string(p, "caption"));
    }
    if (markup != null) {
      message.put("reply_markup", markup);
    }
    if (!copy) {
      message.put("forward_origin", new JsonObject().put("type", "user")
          .put("date", source.getLong("date"))
          .put("sender_user", source.getJsonObject("from")));
    }
    chats.store(chatId, message);
    String text = message.getString("text", message.getString("caption"));
    chats.recordSent(sent(message, chatId, text, markup, threadId,
        copy ? "copyMessage" : "forwardMessage"));
    return copy ? new JsonObject().put("message_id", message.getInteger("message_id")) : message;
  }

  private Object createForumTopic(JsonObject p) {
    long chatId = requireChat(p);
    if (!UpdateFactory.isSupergroup(chatId)) {
      throw BotApiError.badRequest("the chat is not a forum");
    }
    String name = string(p, "name");
    if (name == null || name.isBlank() || name.length() > 128) {
      throw BotApiError.badRequest("TOPIC_NAME_INVALID");
    }
    int threadId = chats.nextMessageId(chatId);
    chats.openTopic(chatId, threadId);
    return new JsonObject().put("message_thread_id", threadId).put("name", name)
        .put("icon_color", p.getValue("icon_color", 7322096));
  }

  private Object closeForumTopic(JsonObject p) {
    long chatId = requireChat(p);
    Integer threadId = integer(p, "message_thread_id");
    Boolean open = threadId == null ? null : chats.topicOpen(chatId, threadId);
    if (open == null) {
      throw BotApiError.badRequest("TOPIC_ID_INVALID");
    }
    if (!open) {
      throw BotApiError.badRequest("TOPIC_NOT_MODIFIED");
    }
    chats.closeTopic(chatId, threadId);
    return true;
  }

  private Object sendChatAction(JsonObject p) {
    requireChat(p);
    if (!CHAT_ACTIONS.contains(String.valueOf(p.getValue("action")))) {
      throw BotApiError.badRequest("wrong parameter action in request");
    }
    return true;
  }

  // ---- validation helpers ----

  private long requireChat(JsonObject p) {
    Object raw = p.getValue("chat_id");
    if (raw == null || String.valueOf(raw).isEmpty()) {
      throw BotApiError.badRequest("chat_id is empty");
    }
    Long chatId = longValue(raw);
    if (chatId == null) {
      throw BotApiError.badRequest("chat not found");
    }
    chats.checkReachable(chatId);
    return chatId;
  }

  private static void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw BotApiError.badRequest("message text is empty");
    }
    if (text.length() > 4096) {
      throw BotApiError.badRequest("message is too long");
    }
  }

  /** The reply_markup object, after checking every callback_data fits in 64 bytes. */
  private static JsonObject markup(JsonObject p) {
    Object raw = p.getValue("reply_markup");
    if (raw == null) {
      return null;
    }
    JsonObject markup = raw instanceof JsonObject o ? o : new JsonObject(String.valueOf(raw));
    JsonArray rows = markup.getJsonArray("inline_keyboard");
    if (rows != null) {
      for (Object row : rows) {
        for (Object button : (JsonArray) row) {
          String data = ((JsonObject) button).getString("callback_data");
          if (data != null && (data.isEmpty()
              || data.getBytes(StandardCharsets.UTF_8).length > 64)) {
            throw BotApiError.badRequest("BUTTON_DATA_INVALID");
          }
        }
      }
    }
    return markup;
  }

  private Integer threadIn(long chatId, JsonObject p) {
    Integer threadId = integer(p, "message_thread_id");
    if (threadId == null) {
      return null;
    }
    Boolean open = chats.topicOpen(chatId, threadId);
    if (open == null) {
      throw BotApiError.badRequest("message thread not found");
    }
    if (!open) {
      throw BotApiError.badRequest("TOPIC_CLOSED");
    }
    return threadId;
  }

  private JsonObject botMessage(long chatId, Integer threadId) {
    JsonObject message = UpdateFactory.message(chatId, chats.nextMessageId(chatId), me, now());
    if (threadId != null) {
      message.put("message_thread_id", threadId).put("is_topic_message", true);
    }
    return message;
  }

  private static SentMessage sent(JsonObject message, long chatId, String text,
                                  JsonObject markup, Integer threadId, String method) {
    return new SentMessage(chatId, message.getInteger("message_id"), text,
        markup == null ? null : markup.encode(), threadId, method, Instant.now());
  }

  static long now() {
    return Instant.now().getEpochSecond();
  }

  static String string(JsonObject p, String key) {
    Object value = p.getValue(key);
    return value == null ? null : String.valueOf(value);
  }

  static Integer integer(JsonObject p, String key) {
    Long value = longValue(p.getValue(key));
    return value == null ? null : value.intValue();
  }

  static Long longValue(Object raw) {
    if (raw instanceof Number n) {
      return n.longValue();
    }
    if (raw instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
