package id.pintu.telegram;

/** What became of one attempt to hand a call to Telegram. */
public sealed interface Delivery {
  /** Accepted; {@code messageId} when the call created a message. */
  record Accepted(Long messageId) implements Delivery {}

  /** 429: nothing may go to this chat for {@code seconds}. */
  record RetryAfter(int seconds) implements Delivery {}

  /** 5xx, a timeout or a network error: try again later. */
  record Transient(String reason) implements Delivery {}

  /** Telegram will never accept it (403 blocked, 400 chat not found, a bad request). */
  record Permanent(int code, String reason) implements Delivery {
    /** The chat itself is gone or has blocked the bot, as opposed to one bad message. */
    public boolean chatUnreachable() {
      String r = reason == null ? "" : reason.toLowerCase(java.util.Locale.ROOT);
      return code == 403 || r.contains("chat not found") || r.contains("user is deactivated") || r.contains("bot was blocked");
    }
  }
}
