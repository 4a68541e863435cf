package id.pintu.telegram;

import id.pintu.config.PintuConfig;
import id.pintu.store.CaseStore;
import id.pintu.store.OutboxStore;
import id.pintu.store.SessionStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to Telegram: one message in flight per chat, in order; Telegram's pace
 * respected; a 429 waits its {@code retry_after}; 5xx and network errors retried with
 * backoff; a chat that blocked the bot or no longer exists is marked unreachable at once.
 * A row is marked sent only after Telegram accepted it.
 */
public final class Sender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final int SCAN = 2_000;
  private static final int OPTIONAL_TRIES = 3;
  /**
   * Shortest pause between two scans of the outbox. Every committed update wakes the
   * sender; under load, scanning on each wake re-read the same oldest rows hundreds of
   * times a second. One scan hands out every chat's head, so a few ms cost no throughput.
   */
  private static final long MIN_TICK_GAP_NANOS = 5_000_000L;

  private final OutboxStore outbox;
  private final SessionStore sessions;
  private final CaseStore cases;
  private final TelegramGateway gateway;
  private final PintuConfig.Sending cfg;
  private final Clock clock;
  private final SendPace pace;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers;
  private final Thread scheduler;
  private final Object signal = new Object();
  private volatile boolean running = true;
  private volatile boolean woken;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public Sender(OutboxStore outbox, SessionStore sessions, CaseStore cases, TelegramGateway gateway,
                PintuConfig.Sending cfg, Clock clock) {
    this.outbox = outbox;
    this.sessions = sessions;
    this.cases = cases;
    this.gateway = gateway;
    this.cfg = cfg;
    this.clock = clock;
    this.pace = new SendPace(cfg, clock.instant());
    this.workers = Executors.newFixedThreadPool(cfg.workers(), r -> {
      Thread t = new Thread(r, "pintu-send");
      t.setDaemon(true);
      return t;
    });
    this.scheduler = new Thread(this::loop, "pintu-sender");
    this.scheduler.setDaemon(true);
  }

  public void start() {
    scheduler.start();
  }

  /** Something new is in the outbox (or a chat became free): look now, not at the next tick. */
  public void wake() {
    woken = true;
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  private void loop() {
    long lastTick = 0;
    while (running) {
      long gap = MIN_TICK_GAP_NANOS - (System.nanoTime() - lastTick);
      if (gap > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(gap);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      lastTick = System.nanoTime();
      try {
        tick();
      } catch (SQLException e) {
        LOG.warn("outbox unavailable: {}", e.getMessage());
      } catch (RuntimeException e) {
        LOG.error("sender tick failed", e);
      }
      synchronized (signal) {
        if (!woken && running) {
          try {
            signal.wait(cfg.pollMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        woken = false;
      }
    }
  }

  /** Hands each chat's oldest pending call to a worker when its chat and Telegram allow it. */
  void tick() throws SQLException {
    // Enough handed out to keep every worker busy: scanning again would only find the same
    // rows. Each finished delivery wakes the loop, so the next scan comes as soon as it helps.
    if (inFlight.size() >= cfg.workers() * 2) return;
    List<OutboxStore.Row> rows = outbox.pendingOldestFirst(SCAN);
    if (rows.isEmpty()) return;
    Map<Long, OutboxStore.Row> heads = new LinkedHashMap<>();
    for (OutboxStore.Row r : rows) heads.putIfAbsent(r.chatId(), r);
    Instant now = clock.instant();
    boolean flushed = false;
    for (OutboxStore.Row head : heads.values()) {
      if (!pace.globalAvailable(now)) {
        wakeAfter(Duration.ofMillis(20));
        return;
      }
      if (inFlight.contains(head.chatId()) || now.isBefore(head.nextAttemptAt())) continue;
      if (!pace.tryTake(head.chatId(), !head.optional(), now)) continue;
      if (!flushed) {
        // The state that caused these replies must be on disk before they leave: once per scan.
        outbox.flush();
        flushed = true;
      }
      inFlight.add(head.chatId());
      workers.execute(() -> deliver(head));
    }
  }

  private void wakeAfter(Duration d) {
    // The global bucket refills within tens of milliseconds: do not sleep a whole poll.
    workers.execute(() -> {
      try {
        Thread.sleep(d.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      wake();
    });
  }

  private void deliver(OutboxStore.Row row) {
    try {
      Delivery d = gateway.deliver(row.method(), outbox.payload(row.id()));
      record(row, d);
    } catch (Exception e) {
      LOG.error("outbox row {} could not be recorded: {}", row.id(), e.toString());
    } finally {
      inFlight.remove(row.chatId());
      wake();
    }
  }

  private void record(OutboxStore.Row row, Delivery d) throws SQLException {
    Instant now = clock.instant();
    if (d instanceof Delivery.Accepted a) {
      markSentSurely(row, a.messageId());
      sent.incrementAndGet();
    } else if (d instanceof Delivery.RetryAfter r) {
      tooManyRequests.incrementAndGet();
      Instant until = now.plusSeconds(r.seconds()).plusMillis(50);
      pace.pause(row.chatId(), until);
      outbox.retryAt(row.id(), until, "429 retry after " + r.seconds() + "s");
      LOG.info("chat {} paused {}s by Telegram (429)", row.chatId(), r.seconds());
    } else if (d instanceof Delivery.Transient t) {
      retries.incrementAndGet();
      if (row.optional() && row.attempts() + 1 >= OPTIONAL_TRIES) {
        outbox.markFailed(row.id(), "optional call given up: " + t.reason());
        LOG.info("optional {} to chat {} given up: {}", row.method(), row.chatId(), t.reason());
        return;
      }
      long backoffMs = Math.min(cfg.maxBackoffSeconds() * 1000L, 500L << Math.min(row.attempts(), 10));
      outbox.retryAt(row.id(), now.plusMillis(backoffMs), t.reason());
    } else if (d instanceof Delivery.Permanent p) {
      failed.incrementAndGet();
      outbox.markFailed(row.id(), p.code() + " " + p.reason());
      if (row.optional()) {
        LOG.info("optional {} to chat {} refused: {}", row.method(), row.chatId(), p.code());
      } else if (p.chatUnreachable()) {
        int dropped = outbox.failAllPending(row.chatId(), "chat unreachable: " + p.code());
        sessions.markUnreachable(row.chatId());
        cases.markUnreachable(row.chatId());
        LOG.warn("chat {} is unreachable ({}); {} pending messages stopped", row.chatId(), p.code(), dropped);
      } else {
        LOG.error("outbox row {} refused by Telegram: {}", row.id(), p.code());
      }
    }
  }

  /** Telegram accepted it: recording that must not be lost, or the family would get it twice. */
  private void markSentSurely(OutboxStore.Row row, Long messageId) throws SQLException {
    SQLException last = null;
    for (int i = 0; i < 20 && running; i++) {
      try {
        outbox.markSent(row.id(), messageId, clock.instant());
        return;
      } catch (SQLException e) {
        last = e;
        try {
          Thread.sleep(Math.min(100L << i, 3_000));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (last != null) throw last;
  }

  public long sent() {
    return sent.get();
  }

  public long tooManyRequests() {
    return tooManyRequests.get();
  }

  public long retries() {
    return retries.get();
  }

  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    running = false;
    wake();
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
      scheduler.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
