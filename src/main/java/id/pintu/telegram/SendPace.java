package id.pintu.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.config.PintuConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Telegram's pace, as token buckets: per private chat (a short burst, then about one a
 * second), per group (20 a minute) and overall (about 30 a second), plus the pauses a 429
 * imposes. Used by the sender's single scheduling thread only.
 *
 * <p>The buckets refill on a monotonic ticker, not the service's clock: Telegram counts
 * real seconds, and a service clock that stands still (a fixed test clock) or jumps must
 * neither stall sending nor release a burst.
 */
final class SendPace {
  private static final class Bucket {
    final double capacity;
    final double perSecond;
    double tokens;
    long atNanos;

    Bucket(double capacity, double perSecond, long nowNanos) {
      this.capacity = capacity;
      this.perSecond = perSecond;
      this.tokens = capacity;
      this.atNanos = nowNanos;
    }

    boolean has(long nowNanos) {
      double elapsed = (nowNanos - atNanos) / 1e9;
      if (elapsed > 0) {
        tokens = Math.min(capacity, tokens + elapsed * perSecond);
        atNanos = nowNanos;
      }
      return tokens >= 1;
    }

    void take() {
      tokens -= 1;
    }
  }

  private final PintuConfig.Sending cfg;
  private final Bucket global;
  private final java.util.function.LongSupplier ticker;
  // Upkeep on the sending thread: a hand-off to the common pool after writes cost more than the upkeep.
  private final Cache<Long, Bucket> chats = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).executor(Runnable::run).build();
  private final Cache<Long, Instant> pausedUntil = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).executor(Runnable::run).build();

  SendPace(PintuConfig.Sending cfg) {
    this(cfg, System::nanoTime);
  }

  SendPace(PintuConfig.Sending cfg, java.util.function.LongSupplier ticker) {
    this.cfg = cfg;
    this.ticker = ticker;
    this.global = new Bucket(Math.max(1, cfg.globalPerSecond()), cfg.globalPerSecond(), ticker.getAsLong());
  }

  boolean globalAvailable() {
    return global.has(ticker.getAsLong());
  }

  /**
   * Takes a slot for one message to {@code chatId}, or says it must wait. {@code now} is the
   * service's time, compared with a 429 pause recorded in the same time.
   */
  boolean tryTake(long chatId, boolean countsAsMessage, Instant now) {
    Instant until = pausedUntil.getIfPresent(chatId);
    if (until != null && now.isBefore(until)) return false;
    long t = ticker.getAsLong();
    if (!global.has(t)) return false;
    if (countsAsMessage) {
      Bucket b = chats.get(chatId, id -> id < 0
          ? new Bucket(cfg.perGroupPerMinute(), cfg.perGroupPerMinute() / 60.0, t)
          : new Bucket(cfg.perChatBurst(), cfg.perChatPerSecond(), t));
      if (!b.has(t)) return false;
      b.take();
    }
    global.take();
    return true;
  }

  void pause(long chatId, Instant until) {
    pausedUntil.asMap().merge(chatId, until, (a, b) -> a.isAfter(b) ? a : b);
  }
}
