package id.pintu.service;

import id.pintu.admin.AdminAuth;
import id.pintu.admin.ScriptLibrary;
import id.pintu.config.PintuConfig;
import id.pintu.console.ConsoleCases;
import id.pintu.console.ConsoleDashboard;
import id.pintu.console.ConsoleScripts;
import id.pintu.console.ConsoleServer;
import id.pintu.dialog.Engine;
import id.pintu.store.AuditLog;
import id.pintu.store.Database;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Puts the web console's parts together on the service's router. */
final class ConsoleWiring {
  private ConsoleWiring() {}

  static void mount(Router router, PintuConfig cfg, Database db, ScriptLibrary library, Engine engine, AdminAuth auth, Clock clock,
                    Supplier<Map<String, Object>> delivery, Supplier<List<Map<String, Object>>> dropOffs) {
    ZoneId zone;
    try {
      zone = ZoneId.of(cfg.console().zone());
    } catch (RuntimeException e) {
      throw new StartupProblem("console.zone '" + cfg.console().zone() + "' is not a time zone: use e.g. Asia/Jakarta.");
    }
    new ConsoleServer(cfg.console(), auth, new AuditLog(db), clock, new ConsoleScripts(library, engine),
        new ConsoleDashboard(db, clock, zone, delivery, dropOffs), new ConsoleCases(db, library::current)).mount(router);
  }
}
