package id.pintu.telegram;

import id.pintu.config.PintuConfig;
import id.pintu.store.CaseStore;
import id.pintu.store.OutboxStore;
import id.pintu.store.SessionStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * A row is marked sent only after Telegram accepted it, and then at once: the worker that sent
 * it marks it, in a short transaction of its own, before anything else happens with the answer,
 * and asks for the mark's write-out without waiting (docs/ARCHITECTURE.md, *The window*).
 */
public final class Sender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final int SCAN = 2_000;
  private static final int IN_FLIGHT_PER_WORKER = 8;
  /**
   * Shortest pause between two scans of the outbox while there is a backlog. Every committed
   * update wakes the sender; under load, scanning on each wake re-read the same oldest rows
   * hundreds of times a second. One scan hands out every chat's head, so a few ms cost no
   * throughput. With no backlog a reply leaves at once.
   */
  private static final long MIN_TICK_GAP_NANOS = 5_000_000L;
  /** A scan that read more rows than this means a backlog: the next one keeps the pause. At a calm pace it does not. */
  private static final int BUSY_SCAN_ROWS = 64;
  private static final long BACKLOG_TICK_GAP_NANOS = 20_000_000L;
  /** Deliveries finished and not yet recorded. */
  private final java.util.concurrent.atomic.AtomicInteger returned = new java.util.concurrent.atomic.AtomicInteger();
  private volatile int lastScanRows;

  private final OutboxStore outbox;
  private final SessionStore sessions;
  private final CaseStore cases;
  private final TelegramGateway gateway;
  private final PintuConfig.Sending cfg;
  private final Clock clock;
  private final SendPace pace;
  private final CourtesyQueue courtesy;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  private final java.util.Queue<Outcome> outcomes = new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** Outcomes taken from {@link #outcomes} and not yet recorded; the scheduling thread's own. */
  private final List<Outcome> unrecorded = new java.util.ArrayList<>();
  private final ExecutorService workers;
  private final Thread scheduler;
  private final Object signal = new Object();
  private volatile boolean running = true;
  private volatile java.util.function.LongConsumer unreachableListener = chat -> {};
  private volatile java.util.function.BiConsumer<OutboxStore.Row, String> refusedListener = (row, why) -> {};
  private volatile Hooks hooks = new Hooks() {};

  /**
   * Lets another component take part in sending (the desk: a call into a case topic learns
   * its thread id only once the topic exists, and a created topic's id is recorded).
   */
  public interface Hooks {
    /** The payload to send for this row; may fill in what was not known when it was stored. */
    default String prepare(OutboxStore.Row row) throws Exception {
      return row.payload();
    }

    /**
     * Telegram accepted the row; {@code resultId} is the new message's or topic's id. Runs in
     * the transaction that marks the row sent ({@code c}), so what it records is kept exactly
     * when the mark is; keep it to a statement or two: until that commit is on disk a killed
     * process would send the row again.
     */
    default void accepted(java.sql.Connection c, OutboxStore.Row row, Long resultId) throws Exception {}
  }

  /**
   * Sends only while {@code active} says so: with several nodes, only the leader sends
   * (Telegram's limits are per bot, and one sender cannot send a row twice).
   */
  public void activeWhile(java.util.function.BooleanSupplier active) {
    this.active = active;
  }

  private volatile java.util.function.BooleanSupplier active = () -> true;

  public void hooks(Hooks h) {
    this.hooks = h == null ? new Hooks() {} : h;
  }
  private volatile boolean woken;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong tooManyRequests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  /** The first 5xx or network failure since Telegram last accepted a call; null while it accepts. */
  private volatile Instant failingSince;
  private volatile String lastFailure;

  public Sender(OutboxStore outbox, SessionStore sessions, CaseStore cases, TelegramGateway gateway,
                PintuConfig.Sending cfg, Clock clock) {
    this.outbox = outbox;
    this.sessions = sessions;
    this.cases = cases;
    this.gateway = gateway;
    this.cfg = cfg;
    this.clock = clock;
    this.pace = new SendPace(cfg);
    this.courtesy = new CourtesyQueue(gateway, pace, this::wake);
    this.workers = Executors.newFixedThreadPool(cfg.workers(), r -> {
      Thread t = new Thread(r, "pintu-send");
      t.setDaemon(true);
      return t;
    });
    this.scheduler = new Thread(this::loop, "pintu-sender");
    this.scheduler.setDaemon(true);
  }

  /**
   * Told of every row Telegram refused for good (after it is marked failed), e.g. so that an
   * on-call ping nobody could receive is said plainly in the log. Must not throw.
   */
  public void onRefused(java.util.function.BiConsumer<OutboxStore.Row, String> listener) {
    this.refusedListener = listener == null ? (row, why) -> {} : listener;
  }

  /** Told when a chat turns out to be unreachable, e.g. to drop cached copies of its session. */
  public void onUnreachable(java.util.function.LongConsumer listener) {
    this.unreachableListener = listener;
  }

  public void start() {
    scheduler.start();
  }

  /** Where the family chats' answers to button presses go: sent from memory, on every node (see {@link CourtesyQueue}). */
  public CourtesyCalls courtesy() {
    return courtesy;
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
      if (lastScanRows > BUSY_SCAN_ROWS && !awaitRoomAfter(lastTick)) return;
      lastTick = System.nanoTime();
      try {
        courtesy.dispatch(workers, clock.instant());
        recordOutcomes();
        tick();
      } catch (SQLException e) {
        LOG.warn("outbox unavailable: {}", e.getMessage());
        pauseBriefly();
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

  /**
   * With a backlog, the next scan waits until a quarter of the in-flight slots came back (at
   * least {@link #MIN_TICK_GAP_NANOS}, at most {@link #BACKLOG_TICK_GAP_NANOS}): a scan for one
   * free slot re-reads the rows of every chat still in flight. False when interrupted.
   */
  private boolean awaitRoomAfter(long lastTick) {
    int enough = Math.max(1, cfg.workers() * IN_FLIGHT_PER_WORKER / 4);
    while (running) {
      long since = System.nanoTime() - lastTick;
      if (since >= BACKLOG_TICK_GAP_NANOS || (since >= MIN_TICK_GAP_NANOS && returned.get() >= enough)) return true;
      try {
        TimeUnit.MILLISECONDS.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Hands each chat's oldest pending call to a worker when its chat and Telegram allow it. */
  void tick() throws SQLException {
    if (!running || !active.getAsBoolean()) return;
    // Enough handed out to keep every worker busy: scanning again would only find the same
    // rows. Each finished delivery wakes the loop, so the next scan comes as soon as it helps.
    int slots = cfg.workers() * IN_FLIGHT_PER_WORKER - inFlight.size();
    if (slots <= 0) return;
    // Read oldest first only until the free slots are filled: under load most of a full
    // read would be rows of chats already in flight.
    Set<Long> met = new java.util.HashSet<>();
    Instant now = clock.instant();
    int[] read = {0};
    List<OutboxStore.Row> chosen = new java.util.ArrayList<>();
    try {
      outbox.scanPending(SCAN, row -> {
        read[0]++;
        if (!met.add(row.chatId())) return true; // not its chat's oldest pending call
        if (!pace.globalAvailable()) {
          wakeAfter(Duration.ofMillis(20));
          return false;
        }
        if (inFlight.contains(row.chatId()) || now.isBefore(row.nextAttemptAt())) return true;
        if (!pace.tryTake(row.chatId(), !row.optional(), now)) return true;
        chosen.add(row);
        return chosen.size() < slots;
      });
    } finally {
      // Every slot filled means more is waiting than the workers take: a backlog.
      lastScanRows = chosen.size() >= slots ? SCAN : read[0];
    }
    if (chosen.isEmpty()) return;
    // The state that caused these replies must be on disk before they leave: once per scan,
    // after it (the read holds no connection while the write-out runs). Only the commits that
    // made them: the "sent" marks of the replies before them need no write-out of their own.
    List<Long> chats = new java.util.ArrayList<>(chosen.size());
    for (OutboxStore.Row row : chosen) chats.add(row.chatId());
    outbox.awaitWritten(chats);
    for (OutboxStore.Row row : chosen) {
      inFlight.add(row.chatId());
      try {
        workers.execute(() -> deliver(row));
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        inFlight.remove(row.chatId());
        return;
      }
    }
  }

  private void wakeAfter(Duration d) {
    // The global bucket refills within tens of milliseconds: do not sleep a whole poll.
    if (!running) return;
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
    Delivery d;
    try {
      OutboxStore.Row full = new OutboxStore.Row(row.id(), row.chatId(), row.caseId(), row.method(),
          outbox.payload(row.id()), row.optional(), row.attempts(), row.nextAttemptAt());
      d = gateway.deliver(row.method(), hooks.prepare(full));
    } catch (id.pintu.store.SealBroken e) {
      // Altered in the store: it will never open, so give it up rather than hold the chat's later messages behind it.
      d = new Delivery.Permanent(0, "stored payload unreadable: " + e.getMessage());
    } catch (Exception e) {
      d = new Delivery.Transient("not ready: " + e.getClass().getSimpleName());
    }
    // Accepted: the "sent" mark before anything else (no logging, no hand-over to the
    // scheduling thread, no waiting for the rest of the round), and its write-out asked for at
    // once. Until it is on disk a killed process sends this message again.
    boolean marked = d instanceof Delivery.Accepted a && markAccepted(row, a.messageId());
    outcomes.add(new Outcome(row, d, marked));
    returned.incrementAndGet();
    wake();
  }

  /**
   * Marks an accepted row sent with its follow-up ({@link Hooks#accepted}) in one short
   * transaction; if the follow-up fails, the mark alone. False when the store would not take
   * the mark: the scheduling thread then records it with the round ({@link #recordOutcomes}).
   */
  private boolean markAccepted(OutboxStore.Row row, Long resultId) {
    Instant at = clock.instant();
    Hooks h = hooks;
    Exception followUp;
    try {
      outbox.markSent(row.id(), resultId, at, c -> h.accepted(c, row, resultId));
      sent.incrementAndGet();
      failingSince = null;
      return true;
    } catch (Exception e) {
      followUp = e;
    }
    try {
      outbox.markSent(row.id(), resultId, at, null);
    } catch (SQLException | RuntimeException storeDown) {
      return false;
    }
    sent.incrementAndGet();
    failingSince = null;
    LOG.error("outbox row {} accepted but its follow-up failed: {}", row.id(), followUp.toString());
    return true;
  }

  /** What a worker learned, for the scheduling thread to record; {@code marked}: already marked sent by the worker. */
  private record Outcome(OutboxStore.Row row, Delivery delivery, boolean marked) {}

  /**
   * Records what the workers learned, on the scheduling thread, before it reads the outbox
   * again: a read that could miss a "sent" mark would send the same message twice. The
   * chat stays in flight until its outcome is recorded. An accepted row was marked sent by
   * its worker already (committed before the outcome was handed over, so every later read
   * sees it); one the store would not take then is marked here, each in its own transaction,
   * and stays unrecorded (its chat in flight) until the store takes it.
   */
  private void recordOutcomes() throws SQLException {
    Outcome o;
    while ((o = outcomes.poll()) != null) {
      unrecorded.add(o);
      returned.decrementAndGet();
    }
    for (java.util.Iterator<Outcome> it = unrecorded.iterator(); it.hasNext(); ) {
      Outcome next = it.next();
      if (next.delivery() instanceof Delivery.Accepted a) {
        if (!next.marked() && !markAccepted(next.row(), a.messageId())) {
          throw new SQLException("outbox row " + next.row().id() + " was accepted and cannot be marked sent yet");
        }
      } else {
        record(next.row(), next.delivery());
      }
      it.remove();
      inFlight.remove(next.row().chatId());
    }
  }

  private void record(OutboxStore.Row row, Delivery d) throws SQLException {
    Instant now = clock.instant();
    if (d instanceof Delivery.RetryAfter r) {
      tooManyRequests.incrementAndGet();
      Instant until = now.plusSeconds(r.seconds()).plusMillis(50);
      pace.pause(row.chatId(), until);
      outbox.retryAt(row.id(), until, "429 retry after " + r.seconds() + "s");
      LOG.info("chat {} paused {}s by Telegram (429)", row.chatId(), r.seconds());
    } else if (d instanceof Delivery.Transient t) {
      retries.incrementAndGet();
      if (failingSince == null) failingSince = now;
      lastFailure = t.reason();
      if (row.optional() && expiredAnswer(row, now)) {
        outbox.markFailed(row.id(), "callback answer given up: " + t.reason());
        LOG.info("optional {} to chat {} given up after {} tries: {}", row.method(), row.chatId(), row.attempts() + 1, t.reason());
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
        unreachableListener.accept(row.chatId());
        LOG.warn("chat {} is unreachable ({}); {} pending messages stopped", row.chatId(), p.code(), dropped);
      } else {
        LOG.error("outbox row {} refused by Telegram: {}", row.id(), p.code());
      }
      try {
        refusedListener.accept(row, p.code() + " " + p.reason());
      } catch (RuntimeException e) {
        LOG.warn("refusal listener failed for outbox row {}: {}", row.id(), e.toString());
      }
    }
  }

  /**
   * A stored answer to a button press (the desk's) that Telegram would no longer take: a
   * callback query can be answered for a short time only ({@link CourtesyQueue#MAX_AGE_NANOS}).
   * Every other call, optional or not, is retried through an outage like a reply.
   */
  private boolean expiredAnswer(OutboxStore.Row row, Instant now) throws SQLException {
    if (!"answercallbackquery".equalsIgnoreCase(row.method())) return false;
    Instant written = outbox.createdAt(row.id());
    return written == null || Duration.between(written, now).toNanos() > CourtesyQueue.MAX_AGE_NANOS;
  }

  private void pauseBriefly() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How the Bot API answers this sender: {@code "ok"}, or {@code "failing since <time>: <why>"}
   * while its calls end in 5xx or network errors (a 429 is an answer, not a failure). For
   * /health/ready's details; not a reason to be unready (every node would see the same).
   */
  public String botApi() {
    Instant since = failingSince;
    return since == null ? "ok" : "failing since " + since + ": " + lastFailure;
  }

  public long sent() {
    return sent.get() + courtesy.sent.get();
  }

  public long tooManyRequests() {
    return tooManyRequests.get() + courtesy.tooManyRequests.get();
  }

  public long retries() {
    return retries.get() + courtesy.retries.get();
  }

  public long failed() {
    return failed.get() + courtesy.failed.get();
  }

  /** Courtesy calls given up (too old, too many tries, too many waiting). */
  public long courtesyDropped() {
    return courtesy.dropped.get();
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
