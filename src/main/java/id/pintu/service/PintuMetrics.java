package id.pintu.service;

import id.pintu.conversation.InboxDispatcher;
import id.pintu.conversation.StepObserver;
import id.pintu.desk.DeskMoments;
import id.pintu.dialog.Priority;
import id.pintu.dialog.ConversationStatus;
import id.pintu.dialog.Effect;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import id.pintu.telegram.Sender;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics} in Prometheus format. Counts come from the components' own counters and
 * from each committed step; store-backed numbers (queue length, backlogs) are refreshed on
 * a timer so that a scrape never waits for the store. No personal data: labels are script
 * and node ids, queues and priorities only.
 */
final class PintuMetrics implements StepObserver, DeskMoments {
  private static final Logger LOG = LoggerFactory.getLogger(PintuMetrics.class);

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Database db;
  private final InboxStore inbox;
  private final OutboxStore outbox;
  private final AtomicLong waiting = new AtomicLong();
  private final AtomicLong inboxBacklog = new AtomicLong();
  private final AtomicLong outboxBacklog = new AtomicLong();
  private final Counter crisisFlags;

  PintuMetrics(Database db, InboxDispatcher dispatcher, Sender sender) {
    this.db = db;
    this.inbox = new InboxStore(db);
    this.outbox = new OutboxStore(db);
    FunctionCounter.builder("pintu.updates.in", dispatcher, InboxDispatcher::processed)
        .description("updates from families processed").register(registry);
    FunctionCounter.builder("pintu.messages.out", sender, Sender::sent).description("messages Telegram accepted").register(registry);
    FunctionCounter.builder("pintu.telegram.429", sender, Sender::tooManyRequests)
        .description("429 Too Many Requests answers from Telegram").register(registry);
    FunctionCounter.builder("pintu.send.retries", sender, Sender::retries).description("sends retried").register(registry);
    FunctionCounter.builder("pintu.send.failed", sender, Sender::failed).description("sends given up").register(registry);
    FunctionCounter.builder("pintu.courtesy.dropped", sender, Sender::courtesyDropped)
        .description("answers to button presses given up (a minute old, or too many waiting)").register(registry);
    // H2 only (zero on PostgreSQL): how often the group commit wrote the store out, and for how long.
    FunctionCounter.builder("pintu.store.writeouts", db, Database::writeOuts)
        .description("group write-outs of the embedded store (one serves every waiting acknowledgement and send)").register(registry);
    FunctionCounter.builder("pintu.store.writeout.seconds", db, Database::writeOutSeconds)
        .description("time spent writing the embedded store out").register(registry);
    crisisFlags = Counter.builder("pintu.crisis.flags").description("conversations flagged as crisis").register(registry);
    Gauge.builder("pintu.queue.length", waiting, AtomicLong::get).description("cases waiting for a counselor").register(registry);
    Gauge.builder("pintu.inbox.backlog", inboxBacklog, AtomicLong::get).description("updates waiting to be processed").register(registry);
    Gauge.builder("pintu.outbox.backlog", outboxBacklog, AtomicLong::get).description("replies waiting to be sent").register(registry);
    for (Priority p : Priority.values()) { // the series exist (at 0) before the first case
      timer(TIME_TO_CLAIM, p.wire());
      timer(TIME_TO_FIRST_REPLY, p.wire());
    }
  }

  static final String TIME_TO_CLAIM = "pintu.time.to.claim";
  static final String TIME_TO_FIRST_REPLY = "pintu.time.to.first.reply";
  /** Buckets an admin can read: did urgent cases get a counselor within a minute, five, fifteen? */
  private static final Duration[] BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
      Duration.ofHours(8), Duration.ofHours(24)};

  private Timer timer(String name, String priority) {
    String what = name.equals(TIME_TO_CLAIM)
        ? "from a case joining the counselors' queue (handoff, or release back to the queue) to its claim"
        : "from a counselor's claim to their first message relayed to the family";
    return Timer.builder(name).description(what).tag("priority", priority).serviceLevelObjectives(BUCKETS).register(registry);
  }

  @Override
  public void claimed(String priority, Duration waited) {
    timer(TIME_TO_CLAIM, String.valueOf(priority)).record(waited);
  }

  @Override
  public void firstReply(String priority, Duration afterClaim) {
    timer(TIME_TO_FIRST_REPLY, String.valueOf(priority)).record(afterClaim);
  }

  void refreshEvery(ScheduledExecutorService timers, long seconds) {
    timers.scheduleWithFixedDelay(this::refresh, 0, Math.max(1, seconds), TimeUnit.SECONDS);
  }

  void refresh() {
    try {
      inboxBacklog.set(inbox.backlog());
      outboxBacklog.set(outbox.backlog());
      try (Connection c = db.connection();
           PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM cases WHERE status = 'waiting'");
           ResultSet rs = p.executeQuery()) {
        rs.next();
        waiting.set(rs.getLong(1));
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("metrics refresh skipped: {}", e.getMessage());
    }
  }

  @Override
  public void stepped(long chatId, SessionState before, Step step) {
    SessionState after = step.state();
    if (after.inCrisis() && (before == null || !before.inCrisis())) crisisFlags.increment();
    for (Effect e : step.effects()) {
      if (e instanceof Effect.Handoff h) {
        registry.counter("pintu.handoffs", "queue", String.valueOf(h.queue()), "priority", h.priority().wire()).increment();
      } else if (e instanceof Effect.End end && end.reason().startsWith("family") && before != null) {
        dropOff(before, "stopped");
      }
    }
  }

  @Override
  public void closedIdle(long chatId, SessionState state) {
    dropOff(state, "silent");
  }

  /** Where a family left before a counselor or the script's end: per script and node. */
  private void dropOff(SessionState at, String how) {
    if (at.status() != ConversationStatus.ACTIVE) return;
    registry.counter("pintu.dropoffs", "script", String.valueOf(at.scriptId()), "node", String.valueOf(at.nodeId()), "how", how).increment();
  }

  /** Where families left, per script, node and how (stopped or went silent), since the service started. */
  java.util.List<java.util.Map<String, Object>> dropOffs() {
    java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
    for (Counter c : registry.find("pintu.dropoffs").counters()) {
      java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("script", c.getId().getTag("script"));
      m.put("node", c.getId().getTag("node"));
      m.put("how", c.getId().getTag("how"));
      m.put("count", (long) c.count());
      out.add(m);
    }
    out.sort((a, b) -> Long.compare((Long) b.get("count"), (Long) a.get("count")));
    return out;
  }

  void mount(Router router) {
    router.get("/metrics").blockingHandler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape()), false);
  }
}
