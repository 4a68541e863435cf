package id.pintu.store;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded store's file near its live size in small steps (see
 * {@link Database#compactStep}), one a second, each rewriting about 256 KB. A step holds
 * H2's store lock, so a write-out that a reply waits for waits for the step: H2's own
 * background compaction rewrote several MB at once and held replies for 100-350 ms; steps of
 * 1 MB every 5 s held them 2-35 ms, and a third to a half of the slowest 1 % of replies at 50
 * updates/s fell on their 5-second rhythm. Quarter steps, five times as often, rewrite a little more per minute and
 * stay out of that tail. Only chunks older than H2's retention time (45 s) can be rewritten,
 * so right after a burst the file is mostly young chunks and its fill rate is low for a
 * minute or two whatever the steps do.
 */
public final class CompactionSteps {
  private static final Logger LOG = LoggerFactory.getLogger(CompactionSteps.class);

  /** Below this share of live data in the file's chunks, a step rewrites some of them. */
  static final int TARGET_FILL_RATE = 50;
  /** About this much live data is rewritten per step. */
  static final int BYTES_PER_STEP = 256 * 1024;
  /** Seconds between steps. */
  public static final int EVERY_SECONDS = 1;

  private final Database db;

  public CompactionSteps(Database db) {
    this.db = db;
  }

  /** One step; never throws, so a scheduled run goes on. */
  public void runQuietly() {
    try {
      int fill = db.compactStep(TARGET_FILL_RATE, BYTES_PER_STEP);
      if (fill >= 0 && fill < TARGET_FILL_RATE) LOG.debug("store compaction step: chunks were {} % live", fill);
    } catch (SQLException | RuntimeException e) {
      LOG.warn("store compaction step failed: {}", e.toString());
    }
  }
}
