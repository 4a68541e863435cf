package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's file kept near its live size by small compaction steps (H2's own is off). */
class CompactionStepsTest {
  @TempDir Path dir;

  @Test
  void stepsRaiseTheShareOfLiveDataAfterChurn() throws Exception {
    // RETENTION_TIME=0: chunks may be rewritten at once (by default only after 45 s).
    String url = "jdbc:h2:file:" + dir.resolve("pintu") + ";RETENTION_TIME=0";
    try (Database db = Database.open(new PintuConfig.Store(url, "sa", "", 2), TestStore.testKeys())) {
      InboxStore inbox = new InboxStore(db);
      // Rows that stay (the inbox keeps every update), then many small write-outs of a row
      // that keeps changing: most of each early chunk is dead, the rows that stay pin it.
      for (int i = 0; i < 400; i++) {
        inbox.addAll(List.of(new InboxStore.Row(10_000 + i, 77, "{\"update_id\":" + (10_000 + i) + ",\"pad\":\"" + "x".repeat(400) + "\"}",
            InboxStore.PENDING, Instant.now(), 0)));
        db.inTransaction(c -> {
          try (PreparedStatement p = c.prepareStatement("UPDATE inbox SET status = ? WHERE update_id = ?")) {
            p.setString(1, InboxStore.PENDING);
            p.setLong(2, 10_000);
            p.executeUpdate();
          }
          return null;
        });
        db.flush();
      }
      int before = db.compactStep(CompactionSteps.TARGET_FILL_RATE, CompactionSteps.BYTES_PER_STEP);
      assertTrue(before < CompactionSteps.TARGET_FILL_RATE, "churn left the chunks " + before + " % live");
      int after = before;
      for (int i = 0; i < 20 && after < CompactionSteps.TARGET_FILL_RATE; i++) {
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE inbox SET status = status WHERE update_id = 10001"));
        db.flush(); // as the service's next write-out: chunks left with nothing live are dropped
        after = db.compactStep(CompactionSteps.TARGET_FILL_RATE, CompactionSteps.BYTES_PER_STEP);
      }
      assertTrue(after > before, "steps raised the live share: " + before + " % → " + after + " %");
      assertEquals(400, inbox.backlog(), "nothing lost on the way");
    }
  }

  @Test
  void postgresHasNothingToCompactHere() throws Exception {
    try (TestStore store = TestStore.fresh(TestStore.Kind.POSTGRES, dir.resolve("pg"));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 2), TestStore.testKeys())) {
      assertEquals(-1, db.compactStep(CompactionSteps.TARGET_FILL_RATE, CompactionSteps.BYTES_PER_STEP));
    }
  }
}
