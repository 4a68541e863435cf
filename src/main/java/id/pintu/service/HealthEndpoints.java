package id.pintu.service;

import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import id.pintu.telegram.TelegramProbe;
import io.vertx.ext.web.Router;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} and {@code /health/ready}: no personal data, no token needed by
 * default. Ready means what this node can help: the store answers, the transport runs, and
 * not more chats than the threshold have updates waiting to be processed (docs/DEPLOY.md,
 * "What readiness means"). Telegram's state (the probe's last check, the sender's calls) and
 * the outbox are reported, never reasons: an outage of Telegram hits every node alike. Every
 * failed check adds a line to {@code reasons}.
 * {@code desk} says whom a crisis reaches right now; it is reported, never a failed check.
 */
final class HealthEndpoints {
  /**
   * What /health/ready needs to know besides the store. {@code desk} says whom a crisis
   * reaches right now (null: not reported); it is a detail, never a reason to fail: a node
   * without a staff chat must still take in families.
   */
  record Checks(BooleanSupplier transportUp, long maxInbox, long maxOutbox, TelegramProbe telegram,
                String webhookUrl, Clock clock, java.util.function.Supplier<String> desk, java.util.function.Supplier<String> botApi,
                java.util.function.Supplier<String> crisisScreen) {}

  private final Database db;
  private final Checks checks;

  HealthEndpoints(Database db, Checks checks) {
    this.db = db;
    this.checks = checks;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(java.util.Map.of("status", "up")));
    router.get("/health/ready").blockingHandler(ctx -> {
      Map<String, Object> m = new LinkedHashMap<>();
      List<String> reasons = new ArrayList<>();
      boolean store = db.reachable();
      boolean transport = checks.transportUp().getAsBoolean();
      m.put("store", store ? "up" : "down");
      m.put("transport", transport ? "up" : "down");
      if (!store) reasons.add("the store does not answer");
      if (!transport) reasons.add("the Telegram transport (long polling) stopped");
      if (store) {
        try {
          InboxStore inbox = new InboxStore(db);
          OutboxStore outbox = new OutboxStore(db);
          // Limits count chats, not messages: a few families flooding add thousands of rows but
          // only a few chats, and a node is not overwhelmed by them.
          long inChats = inbox.waitingChats();
          long outChats = outbox.waitingChats();
          m.put("inbox_backlog", inbox.backlog());
          m.put("inbox_chats", inChats);
          m.put("outbox_backlog", outbox.backlog());
          m.put("outbox_chats", outChats);
          if (inChats > checks.maxInbox()) {
            m.put("inbox", "backlog over " + checks.maxInbox() + " chats");
            reasons.add(inChats + " chats have updates waiting to be processed (limit " + checks.maxInbox() + ")");
          }
          // Replies wait for Telegram (an outage, a 429, its pace): reported, not a reason. Taking
          // the node out would not send them sooner, and every node shares the same outbox.
          if (outChats > checks.maxOutbox()) m.put("outbox", "backlog over " + checks.maxOutbox() + " chats");
        } catch (SQLException e) {
          m.put("store", "down");
          reasons.add("the store does not answer");
        }
      }
      if (checks.botApi() != null) m.put("botApi", checks.botApi().get());
      if (checks.telegram() != null) telegram(m);
      if (checks.desk() != null) m.put("desk", checks.desk().get());
      if (checks.crisisScreen() != null) m.put("crisisScreen", checks.crisisScreen().get()); // reported, never a reason
      boolean ok = reasons.isEmpty();
      m.put("status", ok ? "ready" : "not ready");
      if (!ok) m.put("reasons", reasons);
      ctx.response().setStatusCode(ok ? 200 : 503);
      ctx.json(m);
    }, false);
  }

  /** Telegram as the probe sees it: reported, never a reason (an outage of Telegram hits every node alike). */
  private void telegram(Map<String, Object> m) {
    TelegramProbe.Status s = checks.telegram().status();
    Instant now = checks.clock().instant();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("reachable", s.reachable());
    t.put("checked_at", str(s.checkedAt()));
    t.put("last_ok_at", str(s.lastOkAt()));
    if (!s.reachable()) {
      t.put("down_since", str(s.downSince()));
      t.put("down_seconds", s.downFor(now).toSeconds());
      t.put("last_error", s.lastError());
    }
    t.put("pending_update_count", s.pendingUpdates());
    t.put("webhook", webhook(s.webhookUrl()));
    if (s.webhookError() != null && !s.webhookError().isBlank()) {
      t.put("webhook_last_error", s.webhookError());
      t.put("webhook_last_error_at", str(s.webhookErrorAt()));
    }
    m.put("telegram", t);
  }

  /** Our webhook as Telegram sees it; reported, not a readiness condition (restarting a node would not fix it). */
  private String webhook(String telegramUrl) {
    if (telegramUrl == null) return "unknown";
    boolean webhookMode = checks.webhookUrl() != null;
    if (!webhookMode) return telegramUrl.isEmpty() ? "none (long polling)" : "set to another address: long polling gets no updates";
    if (telegramUrl.isEmpty()) return "not set";
    return telegramUrl.equals(checks.webhookUrl()) ? "set" : "set to another address";
  }

  private static String str(Instant i) {
    return i == null ? null : i.toString();
  }
}
