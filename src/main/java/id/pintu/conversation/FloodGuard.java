package id.pintu.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.config.PintuConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * Notices a family writing faster than anyone can answer. Nothing they write is dropped;
 * the bot only stops acknowledging each message and says once, kindly, that it reads all.
 *
 * <p>Messages are counted at the time the family wrote them (Telegram's date of the message),
 * not when they are processed: after an outage Telegram hands over minutes of calm writing at
 * once, and counting at processing time read that as a flood.
 */
public final class FloodGuard {
  private static final class Window {
    Instant start;
    /** The time the chat's last message was counted at (for an undated button press). */
    Instant last;
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
    // Kept a while past the window: a backlog's dates can lag the processing clock by minutes.
    this.windows = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2).plusMinutes(5)).maximumSize(100_000)
        .executor(Runnable::run).build();
  }

  /** What this message means for the chat's pace. */
  public enum Pace { CALM, FLOODING_NOTICE, FLOODING }

  /**
   * Counts one message written at {@code writtenAt} (Telegram's date; null for a button press,
   * which is counted with the chat's message before it, or now). A date in the future (a
   * clock gone wrong) counts as now. Called from the chat's lane only.
   */
  public Pace count(long chatId, Instant writtenAt, Instant now) {
    Window w = windows.get(chatId, k -> new Window());
    synchronized (w) {
      Instant at = writtenAt == null ? (w.last == null ? now : w.last) : writtenAt;
      if (at.isAfter(now)) at = now;
      w.last = at;
      // A message written before the window began (Telegram handing over what it held while
      // later messages already came in) starts a window of its own: it was not part of this burst.
      if (w.start == null || at.isBefore(w.start) || at.isAfter(w.start.plus(window))) {
        w.start = at;
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
