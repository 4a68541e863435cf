package id.pintu.testing.botapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builds Telegram JSON (users, chats, messages, updates) the way the Bot API shapes it. */
final class UpdateFactory {
  private UpdateFactory() {
  }

  static JsonObject person(long userId) {
    return new JsonObject().put("id", userId).put("is_bot", false)
        .put("first_name", "Pengguna " + userId).put("language_code", "id");
  }

  static JsonObject bot(long botId, String username) {
    return new JsonObject().put("id", botId).put("is_bot", true).put("first_name", "Pintu Test")
        .put("username", username);
  }

  static JsonObject chat(long chatId) {
    JsonObject chat = new JsonObject().put("id", chatId).put("type", chatType(chatId));
    if (chatId > 0) {
      chat.put("first_name", "Pengguna " + chatId);
    } else {
      chat.put("title", "Group " + chatId);
      if (isSupergroup(chatId)) {
        chat.put("is_forum", true);
      }
    }
    return chat;
  }

  static String chatType(long chatId) {
    if (chatId > 0) {
      return "private";
    }
    return isSupergroup(chatId) ? "supergroup" : "group";
  }

  /** Supergroup ids look like -100xxxxxxxxxx. */
  static boolean isSupergroup(long chatId) {
    return chatId <= -1_000_000_000_000L;
  }

  static JsonObject message(long chatId, int messageId, JsonObject from, long epochSeconds) {
    return new JsonObject().put("message_id", messageId).put("from", from)
        .put("chat", chat(chatId)).put("date", epochSeconds);
  }

  static JsonObject update(int updateId, String kind, JsonObject payload) {
    return new JsonObject().put("update_id", updateId).put(kind, payload);
  }

  static JsonArray photoSizes(String fileId) {
    return new JsonArray()
        .add(file(fileId + "-s").put("width", 90).put("height", 90).put("file_size", 1200))
        .add(file(fileId).put("width", 800).put("height", 800).put("file_size", 64000));
  }

  static JsonObject file(String fileId) {
    return new JsonObject().put("file_id", fileId).put("file_unique_id", "u" + fileId);
  }

  static JsonObject sticker(String fileId, String emoji) {
    return file(fileId).put("type", "regular").put("width", 512).put("height", 512)
        .put("is_animated", false).put("is_video", false).put("emoji", emoji);
  }

  static JsonObject voice(String fileId, int seconds) {
    return file(fileId).put("duration", seconds).put("mime_type", "audio/ogg");
  }

  static JsonObject document(String fileId, String fileName, String mimeType) {
    return file(fileId).put("file_name", fileName).put("mime_type", mimeType);
  }

  static JsonObject location(double latitude, double longitude) {
    return new JsonObject().put("latitude", latitude).put("longitude", longitude);
  }

  static JsonObject contact(long userId, String phone) {
    return new JsonObject().put("phone_number", phone).put("first_name", "Pengguna " + userId)
        .put("user_id", userId);
  }
}
