package id.pintu.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.config.PintuConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Notices a family writing faster than anyone can answer. Nothing they write is dropped;
 * the bot only stops acknowledging each message and says once, kindly, that it reads all.
 */
public final class FloodGuard {
  private static final class Window {
    Instant start;
    int count;
    boolean noticed;
  }

  private final int limit;
  private final Duration window;
  private final Cache<Long, Window> windows;

  public FloodGuard(PintuConfig.Flood cfg) {
    this.limit = cfg.messages();
    this.window = Duration.ofSeconds(cfg.windowSeconds());
    // Upkeep on the lane: a hand-off to the common pool after writes cost more than the upkeep.
    this.windows = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(100_000).executor(Runnable::run).build();
  }

  /** What this message means for the chat's pace. */
  public enum Pace { CALM, FLOODING_NOTICE, FLOODING }

  /** Counts one message. Called from the chat's lane only, so per-chat state needs no lock. */
  public Pace count(long chatId, Instant now) {
    Window w = windows.get(chatId, k -> new Window());
    synchronized (w) {
      if (w.start == null || now.isAfter(w.start.plus(window))) {
        w.start = now;
        w.count = 0;
        w.noticed = false;
      }
      w.count++;
      if (w.count <= limit) return Pace.CALM;
      if (!w.noticed) {
        w.noticed = true;
        return Pace.FLOODING_NOTICE;
      }
      return Pace.FLOODING;
    }
  }
}
