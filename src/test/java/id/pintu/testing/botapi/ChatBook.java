package id.pintu.testing.botapi;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the double knows about chats: message ids (per chat, shared by users and bot),
 * every message by id, forum topics, blocked and unknown chats, the bot's messages.
 * Not thread-safe: the double calls it under its own lock.
 */
final class ChatBook {
  private final Map<Long, Integer> lastMessageId = new HashMap<>();
  private final Map<Long, Map<Integer, JsonObject>> messages = new HashMap<>();
  /** chat → topic thread id → open. */
  private final Map<Long, Map<Integer, Boolean>> topics = new HashMap<>();
  private final Set<Long> blocked = new HashSet<>();
  private final Set<Long> forgotten = new HashSet<>();
  private final Set<String> callbackQueryIds = new HashSet<>();
  private final List<SentMessage> sent = new ArrayList<>();
  private final List<SentMessage> edits = new ArrayList<>();
  private volatile java.util.function.Consumer<SentMessage> sentListener;

  int nextMessageId(long chatId) {
    return lastMessageId.merge(chatId, 1, Integer::sum);
  }

  int lastMessageId(long chatId) {
    return lastMessageId.getOrDefault(chatId, 0);
  }

  void store(long chatId, JsonObject message) {
    messages.computeIfAbsent(chatId, id -> new HashMap<>())
        .put(message.getInteger("message_id"), message);
  }

  JsonObject message(long chatId, int messageId) {
    return messages.getOrDefault(chatId, Map.of()).get(messageId);
  }

  /** Telegram's answers for a chat the bot cannot write to. */
  void checkReachable(long chatId) {
    if (forgotten.contains(chatId)) {
      throw BotApiError.badRequest("chat not found");
    }
    if (blocked.contains(chatId)) {
      throw new BotApiError(403, "Forbidden: bot was blocked by the user", null);
    }
  }

  void block(long chatId, boolean isBlocked) {
    if (isBlocked) {
      blocked.add(chatId);
    } else {
      blocked.remove(chatId);
    }
  }

  void forget(long chatId) {
    forgotten.add(chatId);
  }

  void openTopic(long chatId, int threadId) {
    topics.computeIfAbsent(chatId, id -> new HashMap<>()).putIfAbsent(threadId, true);
  }

  /** null when the topic does not exist. */
  Boolean topicOpen(long chatId, int threadId) {
    return topics.getOrDefault(chatId, Map.of()).get(threadId);
  }

  void closeTopic(long chatId, int threadId) {
    topics.get(chatId).put(threadId, false);
  }

  void issueCallbackQuery(String id) {
    callbackQueryIds.add(id);
  }

  int callbackQueriesIssued() {
    return callbackQueryIds.size();
  }

  boolean knowsCallbackQuery(String id) {
    return callbackQueryIds.contains(id);
  }

  void recordSent(SentMessage message) {
    sent.add(message);
    java.util.function.Consumer<SentMessage> l = sentListener;
    if (l != null) {
      l.accept(message);
    }
  }

  /** Told of every new bot message as it is recorded (under the double's lock: keep it short). */
  void sentListener(java.util.function.Consumer<SentMessage> listener) {
    sentListener = listener;
  }

  void recordEdit(SentMessage message) {
    edits.add(message);
  }

  List<SentMessage> sentTo(long chatId) {
    return sent.stream().filter(m -> m.chatId() == chatId).toList();
  }

  List<SentMessage> editsIn(long chatId) {
    return edits.stream().filter(m -> m.chatId() == chatId).toList();
  }

  List<SentMessage> allSent() {
    return List.copyOf(sent);
  }
}
