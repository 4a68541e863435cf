package id.pintu.testing.botapi;

import java.time.Duration;

/**
 * What the double should get wrong, and for how long. Thread-safe; change it while the
 * double runs. Durations start when the method is called.
 *
 * <p>Precedence when several are active: outage, then timeouts, then 5xx, then 429 storm.
 * A slow-down delays every answer that is given.
 */
public final class FailurePlan {

  /** How a request that is not answered ends. */
  public enum Silence {
    /** Keep the request open and never answer (the client's read timeout fires). */
    HANG,
    /** Close the TCP connection without an answer. */
    CLOSE_CONNECTION,
    /**
     * Carry the call out (the message is sent), then close the connection instead of
     * answering: the client cannot know it worked.
     */
    LOSE_ANSWER
  }

  /** What the double does with one request, decided when it arrives. */
  record Fault(BotApiError error, Silence silence, long delayMillis) {
    static final Fault NONE = new Fault(null, null, 0);

    boolean answersNormally() {
      return error == null && silence == null;
    }
  }

  private int storm429Calls;
  private int storm429RetryAfter;
  private long storm429UntilNanos;
  private int storm429TimedRetryAfter;
  private long serverErrorUntilNanos;
  private int serverErrorStatus;
  private long timeoutUntilNanos;
  private Silence timeoutKind = Silence.HANG;
  private long outageUntilNanos;
  private boolean outageDrops;
  private long delayMillis;

  /** The next {@code sendCalls} message-sending calls answer 429 with this retry_after. */
  public synchronized FailurePlan tooManyRequests(int sendCalls, int retryAfterSeconds) {
    storm429Calls = sendCalls;
    storm429RetryAfter = retryAfterSeconds;
    return this;
  }

  /** Every message-sending call answers 429 with this retry_after for a while. */
  public synchronized FailurePlan tooManyRequestsFor(Duration duration, int retryAfterSeconds) {
    storm429UntilNanos = deadline(duration);
    storm429TimedRetryAfter = retryAfterSeconds;
    return this;
  }

  /** Every method except getUpdates answers {@code status} (500, 502, ...) for a while. */
  public synchronized FailurePlan serverErrorsFor(Duration duration, int status) {
    serverErrorUntilNanos = deadline(duration);
    serverErrorStatus = status;
    return this;
  }

  /** Every method except getUpdates goes unanswered for a while. */
  public synchronized FailurePlan timeoutsFor(Duration duration, Silence how) {
    timeoutUntilNanos = deadline(duration);
    timeoutKind = how;
    return this;
  }

  /** Delay every answer by this much until changed ({@code Duration.ZERO} to stop). */
  public synchronized FailurePlan slowResponses(Duration delay) {
    delayMillis = delay.toMillis();
    return this;
  }

  /**
   * Total outage: every method, getUpdates included, answers 502 Bad Gateway (or has its
   * connection closed when {@code dropConnections}); webhook delivery pauses.
   */
  public synchronized FailurePlan outageFor(Duration duration, boolean dropConnections) {
    outageUntilNanos = deadline(duration);
    outageDrops = dropConnections;
    return this;
  }

  /** Back to a healthy Telegram. */
  public synchronized void clear() {
    storm429Calls = 0;
    storm429UntilNanos = 0;
    serverErrorUntilNanos = 0;
    timeoutUntilNanos = 0;
    outageUntilNanos = 0;
    delayMillis = 0;
  }

  synchronized boolean inOutage() {
    return active(outageUntilNanos, System.nanoTime());
  }

  synchronized Fault decide(String method, boolean sendsMessage) {
    long now = System.nanoTime();
    if (active(outageUntilNanos, now)) {
      return outageDrops
          ? new Fault(null, Silence.CLOSE_CONNECTION, 0)
          : new Fault(new BotApiError(502, "Bad Gateway", null), null, delayMillis);
    }
    boolean polling = method.equals("getUpdates");
    if (!polling && active(timeoutUntilNanos, now)) {
      return new Fault(null, timeoutKind, 0);
    }
    if (!polling && active(serverErrorUntilNanos, now)) {
      String text = serverErrorStatus == 502 ? "Bad Gateway" : "Internal Server Error";
      return new Fault(new BotApiError(serverErrorStatus, text, null), null, delayMillis);
    }
    if (sendsMessage && active(storm429UntilNanos, now)) {
      return new Fault(BotApiError.tooManyRequests(storm429TimedRetryAfter), null, delayMillis);
    }
    if (sendsMessage && storm429Calls > 0) {
      storm429Calls--;
      return new Fault(BotApiError.tooManyRequests(storm429RetryAfter), null, delayMillis);
    }
    return delayMillis == 0 ? Fault.NONE : new Fault(null, null, delayMillis);
  }

  private static long deadline(Duration duration) {
    return System.nanoTime() + duration.toNanos();
  }

  private static boolean active(long untilNanos, long now) {
    return untilNanos != 0 && now - untilNanos < 0;
  }
}
