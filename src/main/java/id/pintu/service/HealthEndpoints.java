package id.pintu.service;

import id.pintu.store.Database;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/** {@code /health/live} and {@code /health/ready}: no personal data, no token needed. */
final class HealthEndpoints {
  private final Database db;
  private final BooleanSupplier transportUp;

  HealthEndpoints(Database db, BooleanSupplier transportUp) {
    this.db = db;
    this.transportUp = transportUp;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> ctx.json(java.util.Map.of("status", "up")));
    router.get("/health/ready").blockingHandler(ctx -> {
      boolean store = db.reachable();
      boolean transport = transportUp.getAsBoolean();
      boolean ok = store && transport;
      ctx.response().setStatusCode(ok ? 200 : 503);
      ctx.json(java.util.Map.of("status", ok ? "ready" : "not ready", "store", store ? "up" : "down",
          "transport", transport ? "up" : "down"));
    }, false);
  }
}
