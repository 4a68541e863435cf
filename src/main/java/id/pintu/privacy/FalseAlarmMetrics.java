package id.pintu.privacy;

import id.pintu.store.Database;
import id.pintu.store.PrivacyStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pintu_crisis_false_alarms_total{category=...}}: crisis flags counselors marked as
 * false alarms, by the flag's first category. Read from the case history on a timer (so
 * the count is the whole service's, across restarts and nodes), never during a scrape.
 */
public final class FalseAlarmMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(FalseAlarmMetrics.class);

  private final PrivacyStore store;
  private final MeterRegistry registry;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public FalseAlarmMetrics(Database db, MeterRegistry registry) {
    this.store = new PrivacyStore(db);
    this.registry = registry;
  }

  public void refresh() {
    try {
      for (Map.Entry<String, Long> e : store.falseAlarmsByCategory().entrySet()) {
        counts.computeIfAbsent(e.getKey(), this::register).set(e.getValue());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("false alarm count skipped: {}", e.getMessage());
    }
  }

  private AtomicLong register(String category) {
    AtomicLong n = new AtomicLong();
    FunctionCounter.builder("pintu.crisis.false_alarms", n, AtomicLong::get)
        .description("crisis flags marked by a counselor as a false alarm").tag("category", category).register(registry);
    return n;
  }
}
