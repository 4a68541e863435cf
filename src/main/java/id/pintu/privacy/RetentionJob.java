package id.pintu.privacy;

import id.pintu.store.Database;
import id.pintu.store.PrivacyStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the personal data of cases closed more than {@code privacy.retentionDays} ago
 * (message text, intake, story, flags' evidence, notes, rating comments, raw updates and
 * sent replies of the case), keeping what counts are made of. Cases under a legal hold wait.
 * A plain method, {@link #run(Instant)}: the caller schedules it (daily) and may wrap it in
 * a cluster-wide lease; running it twice is harmless (purged cases are skipped).
 */
public final class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final int BATCH = 200;

  private final Database db;
  private final PrivacyStore store;
  private final int retentionDays;
  private final LongConsumer forgetSession;

  /** @param forgetSession drops a chat's cached session once its stored one is gone */
  public RetentionJob(Database db, int retentionDays, LongConsumer forgetSession) {
    this.db = db;
    this.store = new PrivacyStore(db);
    this.retentionDays = retentionDays;
    this.forgetSession = forgetSession;
  }

  /** Purges every case due at {@code now}; returns how many. */
  public int run(Instant now) throws SQLException {
    Instant cutoff = now.minus(Duration.ofDays(retentionDays));
    int purged = 0;
    while (true) {
      List<PrivacyStore.Due> due = store.due(cutoff, BATCH);
      for (PrivacyStore.Due d : due) {
        boolean dropped = db.inTransaction(c -> {
          store.purgeCase(c, d.caseId(), "retention", now);
          return store.dropSessionOf(c, d.chatId(), d.caseId());
        });
        if (dropped) forgetSession.accept(d.chatId());
        purged++;
      }
      if (due.size() < BATCH) break;
    }
    store.forgetRejectedBefore(cutoff);
    if (purged > 0) LOG.info("retention: {} case(s) closed before {} purged", purged, cutoff);
    return purged;
  }

  /** Logs instead of throwing, for a timer. */
  public void runQuietly(java.time.Clock clock) {
    try {
      run(clock.instant());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("retention run failed, next run tomorrow: {}", e.toString());
    }
  }
}
