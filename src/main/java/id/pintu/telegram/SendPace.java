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
 */
final class SendPace {
  private static final class Bucket {
    final double capacity;
    final double perSecond;
    double tokens;
    Instant at;

    Bucket(double capacity, double perSecond, Instant now) {
      this.capacity = capacity;
      this.perSecond = perSecond;
      this.tokens = capacity;
      this.at = now;
    }

    boolean has(Instant now) {
      double elapsed = Duration.between(at, now).toNanos() / 1e9;
      if (elapsed > 0) {
        tokens = Math.min(capacity, tokens + elapsed * perSecond);
        at = now;
      }
      return tokens >= 1;
    }

    void take() {
      tokens -= 1;
    }
  }

  private final PintuConfig.Sending cfg;
  private final Bucket global;
  private final Cache<Long, Bucket> chats = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).build();
  private final Cache<Long, Instant> pausedUntil = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();

  SendPace(PintuConfig.Sending cfg, Instant now) {
    this.cfg = cfg;
    this.global = new Bucket(Math.max(1, cfg.globalPerSecond()), cfg.globalPerSecond(), now);
  }

  boolean globalAvailable(Instant now) {
    return global.has(now);
  }

  /** Takes a slot for one message to {@code chatId}, or says it must wait. */
  boolean tryTake(long chatId, boolean countsAsMessage, Instant now) {
    Instant until = pausedUntil.getIfPresent(chatId);
    if (until != null && now.isBefore(until)) return false;
    if (!global.has(now)) return false;
    if (countsAsMessage) {
      Bucket b = chats.get(chatId, id -> id < 0
          ? new Bucket(cfg.perGroupPerMinute(), cfg.perGroupPerMinute() / 60.0, now)
          : new Bucket(cfg.perChatBurst(), cfg.perChatPerSecond(), now));
      if (!b.has(now)) return false;
      b.take();
    }
    global.take();
    return true;
  }

  void pause(long chatId, Instant until) {
    pausedUntil.asMap().merge(chatId, until, (a, b) -> a.isAfter(b) ? a : b);
  }
}
