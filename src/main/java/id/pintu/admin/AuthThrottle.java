package id.pintu.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many wrong tokens are answered: per source address ({@link #PER_SOURCE} at once, then
 * one every {@link #PER_SOURCE_REFILL}) and from everyone together ({@link #GLOBAL}, then one
 * every {@link #GLOBAL_REFILL}). Past that a wrong token is answered 429 with the seconds to
 * wait. Only wrong tokens are counted and only they are held back: a correct token is always
 * let in (see {@link AdminAuth#admit}), so neither a guesser behind the admins' own address nor
 * a flood from everywhere can lock an admin out. In memory; a restart forgets.
 */
final class AuthThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(AuthThrottle.class);
  static final int PER_SOURCE = 10;
  static final Duration PER_SOURCE_REFILL = Duration.ofSeconds(6);
  static final int GLOBAL = 100;
  static final Duration GLOBAL_REFILL = Duration.ofSeconds(1);

  private final Clock clock;
  private final Cache<String, Bucket> sources;
  private final Bucket global;

  AuthThrottle(Clock clock) {
    this.clock = clock;
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    // A bucket left alone this long is full again: forgetting it changes nothing.
    this.sources = Caffeine.newBuilder().expireAfterAccess(PER_SOURCE_REFILL.multipliedBy(PER_SOURCE)).maximumSize(100_000)
        .ticker(ticker).build();
    this.global = new Bucket(GLOBAL, GLOBAL_REFILL, clock.millis());
  }

  /**
   * A wrong token from {@code source}: 0 when it may be answered as such (and is counted), else
   * the whole seconds to wait before the next wrong token is answered (nothing counted).
   */
  long failed(String source) {
    long now = clock.millis();
    Bucket mine = sources.get(source, s -> new Bucket(PER_SOURCE, PER_SOURCE_REFILL, now));
    synchronized (global) {
      synchronized (mine) {
        long waitMine = mine.waitMillis(now);
        long waitAll = global.waitMillis(now);
        if (waitMine == 0 && waitAll == 0) {
          mine.take();
          global.take();
          return 0;
        }
        if (waitMine > 0 && mine.firstRefusal()) LOG.warn("admin login: {} wrong tokens from {} in a row; answering 429 for a while", PER_SOURCE, source);
        if (waitMine == 0 && global.firstRefusal()) LOG.warn("admin login: more than {} wrong tokens from all addresses together; answering 429 for a while", GLOBAL);
        return Math.max(1, (Math.max(waitMine, waitAll) + 999) / 1000);
      }
    }
  }

  /** A token bucket: {@code size} at once, one more every {@code refill}. */
  private static final class Bucket {
    private final int size;
    private final long refillMillis;
    private double tokens;
    private long at;
    private boolean refusing;

    Bucket(int size, Duration refill, long now) {
      this.size = size;
      this.refillMillis = refill.toMillis();
      this.tokens = size;
      this.at = now;
    }

    /** 0 when a token is there now, else the milliseconds until one is. */
    long waitMillis(long now) {
      if (now > at) {
        tokens = Math.min(size, tokens + (double) (now - at) / refillMillis);
        at = now;
      }
      if (tokens >= 1) return 0;
      return (long) Math.ceil((1 - tokens) * refillMillis);
    }

    void take() {
      tokens -= 1;
      refusing = false;
    }

    /** True once per run of refusals (so the log says it once, not per request). */
    boolean firstRefusal() {
      boolean first = !refusing;
      refusing = true;
      return first;
    }
  }
}
