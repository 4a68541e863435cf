package id.pintu.testing.botapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's flood limits for message-sending calls, and the bookkeeping of retry_after
 * windows that were announced with a 429. Not thread-safe: the double calls it under its
 * own lock. Times are {@link System#nanoTime()} values.
 */
final class FloodControl {
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;

  private RateLimits limits;
  /** Private chats: theoretical arrival time of the next message (GCRA). */
  private final Map<Long, Long> nextSlot = new HashMap<>();
  private final Map<Long, Deque<Long>> groupSends = new HashMap<>();
  private final Deque<Long> globalSends = new ArrayDeque<>();
  /** Per chat: until when the last 429's retry_after holds. */
  private final Map<Long, Long> retryAfterUntil = new HashMap<>();
  private final Map<Long, Integer> violations = new HashMap<>();

  FloodControl(RateLimits limits) {
    this.limits = limits;
  }

  void limits(RateLimits limits) {
    this.limits = limits;
  }

  /** Counts the call as a violation when it arrives inside a retry_after window. */
  void noteArrival(long chatId, long now) {
    Long until = retryAfterUntil.get(chatId);
    if (until != null && now - until < 0) {
      violations.merge(chatId, 1, Integer::sum);
    }
  }

  /** Seconds still to wait inside an announced retry_after window, or 0. */
  int remainingRetryAfter(long chatId, long now) {
    Long until = retryAfterUntil.get(chatId);
    return until == null || now - until >= 0 ? 0 : ceilSeconds(until - now);
  }

  void noteRetryAfterAnswered(long chatId, int retryAfterSeconds, long now) {
    retryAfterUntil.put(chatId, now + retryAfterSeconds * SECOND);
  }

  /**
   * Admits one message into the chat if the limits allow it (and counts it), or returns
   * the retry_after in seconds to answer instead.
   */
  int admit(long chatId, long now) {
    if (!limits.enabled()) {
      return 0;
    }
    trim(globalSends, now - SECOND);
    if (globalSends.size() >= limits.globalPerSecond()) {
      return Math.max(1, ceilSeconds(globalSends.peekFirst() + SECOND - now));
    }
    if (chatId < 0) {
      Deque<Long> sends = groupSends.computeIfAbsent(chatId, id -> new ArrayDeque<>());
      trim(sends, now - MINUTE);
      if (sends.size() >= limits.groupPerMinute()) {
        return Math.max(1, ceilSeconds(sends.peekFirst() + MINUTE - now));
      }
      sends.addLast(now);
    } else {
      long interval = limits.privateChatInterval().toNanos();
      long tolerance = (long) (limits.privateChatBurst() - 1) * interval;
      long tat = Math.max(nextSlot.getOrDefault(chatId, now), now);
      if (tat - now > tolerance) {
        return Math.max(1, ceilSeconds(tat - tolerance - now));
      }
      nextSlot.put(chatId, tat + interval);
    }
    globalSends.addLast(now);
    return 0;
  }

  int violations(long chatId) {
    return violations.getOrDefault(chatId, 0);
  }

  int violations() {
    return violations.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static void trim(Deque<Long> times, long olderThan) {
    while (!times.isEmpty() && times.peekFirst() - olderThan <= 0) {
      times.removeFirst();
    }
  }

  private static int ceilSeconds(long nanos) {
    return (int) ((nanos + SECOND - 1) / SECOND);
  }
}
