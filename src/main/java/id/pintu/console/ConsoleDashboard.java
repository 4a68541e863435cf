package id.pintu.console;

import id.pintu.admin.AdminAuth;
import id.pintu.store.DashboardQuery;
import id.pintu.store.Database;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The dashboard: today's conversations, hand-offs and crisis flags, the queue now, how long
 * families waited for a counselor over 30 days, where families leave a script, and whether
 * delivery is healthy. Counts only; no personal data.
 */
public final class ConsoleDashboard {
  static final int DAYS = 30;
  private final DashboardQuery query;
  private final Clock clock;
  private final ZoneId zone;
  private final Supplier<Map<String, Object>> delivery;
  private final Supplier<List<Map<String, Object>>> dropOffs;

  /**
   * @param delivery live delivery numbers (backlogs, 429s, transport state) from the service
   * @param dropOffs where families left, per script and node, since the service started
   */
  public ConsoleDashboard(Database db, Clock clock, ZoneId zone, Supplier<Map<String, Object>> delivery,
                          Supplier<List<Map<String, Object>>> dropOffs) {
    this.query = new DashboardQuery(db);
    this.clock = clock;
    this.zone = zone;
    this.delivery = delivery;
    this.dropOffs = dropOffs;
  }

  void mount(Router router, ConsoleServer c) {
    router.get(ConsoleServer.BASE + "/api/dashboard").handler(c.role(AdminAuth.Role.VIEWER)).blockingHandler(ctx -> show(ctx, c), false);
  }

  private void show(RoutingContext ctx, ConsoleServer c) {
    try {
      LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
      Instant dayStart = today.atStartOfDay(zone).toInstant();
      Instant since = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("zone", zone.getId());
      m.put("today", today.toString());
      m.put("conversations_today", query.opened(dayStart));
      m.put("handoffs_today", query.handedOff(dayStart));
      m.put("crisis_today", query.crisis(dayStart));
      m.put("queue_now", query.waiting());

      List<DashboardQuery.Claim> claims = query.claims(since);
      List<Double> all = new ArrayList<>();
      Map<LocalDate, List<Double>> byDay = new TreeMap<>();
      for (DashboardQuery.Claim cl : claims) {
        double min = cl.waited().toMillis() / 60000.0;
        all.add(min);
        byDay.computeIfAbsent(LocalDate.ofInstant(cl.claimedAt(), zone), d -> new ArrayList<>()).add(min);
      }
      Map<String, Object> claim = new LinkedHashMap<>();
      claim.put("count", all.size());
      claim.put("median_minutes", quantile(all, 0.5));
      claim.put("p90_minutes", quantile(all, 0.9));
      m.put("time_to_claim", claim);

      Map<LocalDate, Integer> opened = perDay(query.openedTimes(since));
      Map<LocalDate, Integer> handed = perDay(query.handOffTimes(since));
      List<Map<String, Object>> days = new ArrayList<>();
      for (int i = DAYS - 1; i >= 0; i--) {
        LocalDate d = today.minusDays(i);
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("date", d.toString());
        x.put("conversations", opened.getOrDefault(d, 0));
        x.put("handoffs", handed.getOrDefault(d, 0));
        x.put("median_claim_minutes", quantile(byDay.getOrDefault(d, List.of()), 0.5));
        x.put("p90_claim_minutes", quantile(byDay.getOrDefault(d, List.of()), 0.9));
        days.add(x);
      }
      m.put("days", days);
      m.put("dropoffs", dropOffs.get());
      m.put("delivery", delivery.get());
      c.ok(ctx, m);
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  private Map<LocalDate, Integer> perDay(List<Instant> times) {
    Map<LocalDate, Integer> m = new TreeMap<>();
    for (Instant t : times) m.merge(LocalDate.ofInstant(t, zone), 1, Integer::sum);
    return m;
  }

  /** The nearest-rank quantile, in minutes rounded to one decimal; null when there is nothing to measure. */
  static Double quantile(List<Double> values, double q) {
    if (values.isEmpty()) return null;
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int rank = (int) Math.ceil(q * v.size());
    double x = v.get(Math.max(0, Math.min(v.size() - 1, rank - 1)));
    return Math.round(x * 10) / 10.0;
  }
}
