package id.pintu.service;

import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import io.vertx.ext.web.Router;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} and {@code /health/ready}: no personal data, no token needed by
 * default. Ready means: the store answers, the transport runs, and neither the inbox nor
 * the outbox has more waiting than its threshold.
 */
final class HealthEndpoints {
  private final Database db;
  private final BooleanSupplier transportUp;
  private final long maxInbox;
  private final long maxOutbox;

  HealthEndpoints(Database db, BooleanSupplier transportUp) {
    this(db, transportUp, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  HealthEndpoints(Database db, BooleanSupplier transportUp, long maxInbox, long maxOutbox) {
    this.db = db;
    this.transportUp = transportUp;
    this.maxInbox = maxInbox;
    this.maxOutbox = maxOutbox;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(java.util.Map.of("status", "up")));
    router.get("/health/ready").blockingHandler(ctx -> {
      Map<String, Object> m = new LinkedHashMap<>();
      boolean store = db.reachable();
      boolean transport = transportUp.getAsBoolean();
      boolean ok = store && transport;
      m.put("store", store ? "up" : "down");
      m.put("transport", transport ? "up" : "down");
      if (store) {
        try {
          long in = new InboxStore(db).backlog();
          long out = new OutboxStore(db).backlog();
          m.put("inbox_backlog", in);
          m.put("outbox_backlog", out);
          if (in > maxInbox) {
            ok = false;
            m.put("inbox", "backlog over " + maxInbox);
          }
          if (out > maxOutbox) {
            ok = false;
            m.put("outbox", "backlog over " + maxOutbox);
          }
        } catch (SQLException e) {
          ok = false;
          m.put("store", "down");
        }
      }
      m.put("status", ok ? "ready" : "not ready");
      ctx.response().setStatusCode(ok ? 200 : 503);
      ctx.json(m);
    }, false);
  }
}
