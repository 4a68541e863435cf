package id.pintu.testing.botapi;

import java.time.Duration;

/**
 * The flood limits the double enforces on message-sending methods, like Telegram does.
 *
 * @param enabled             false turns all three limits off
 * @param privateChatBurst    messages a private chat may receive back to back
 * @param privateChatInterval after the burst, one message per this interval
 * @param groupPerMinute      messages per rolling minute into one group (negative chat id)
 * @param globalPerSecond     messages per rolling second across all chats
 */
public record RateLimits(boolean enabled, int privateChatBurst, Duration privateChatInterval,
                         int groupPerMinute, int globalPerSecond) {

  /** Roughly what Telegram does: a short burst, then 1/s per chat; 20/min per group; 30/s. */
  public static RateLimits telegramLike() {
    return new RateLimits(true, 3, Duration.ofSeconds(1), 20, 30);
  }

  public static RateLimits disabled() {
    return new RateLimits(false, Integer.MAX_VALUE, Duration.ZERO, Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }

  public RateLimits withPrivateChat(int burst, Duration interval) {
    return new RateLimits(enabled, burst, interval, groupPerMinute, globalPerSecond);
  }

  public RateLimits withGroupPerMinute(int perMinute) {
    return new RateLimits(enabled, privateChatBurst, privateChatInterval, perMinute,
        globalPerSecond);
  }

  public RateLimits withGlobalPerSecond(int perSecond) {
    return new RateLimits(enabled, privateChatBurst, privateChatInterval, groupPerMinute,
        perSecond);
  }
}
