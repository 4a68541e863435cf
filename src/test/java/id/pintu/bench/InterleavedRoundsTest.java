package id.pintu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interleaved reading must compare bots within a round, so the machine's drift cancels. */
class InterleavedRoundsTest {
  @Test
  void theRatioIsTakenWithinEachRoundAndItsMedianQuoted() {
    InterleavedRounds r = new InterleavedRounds();
    // The machine slows down in round 2 and speeds up in round 3; within a round pintu is 3x, 3x, 2x.
    r.add(new InterleavedRounds.Window(1, "pintu", 1500, 900, 0));
    r.add(new InterleavedRounds.Window(1, "grammy-file", 500, 2000, 0));
    r.add(new InterleavedRounds.Window(2, "grammy-file", 300, 2400, 0));
    r.add(new InterleavedRounds.Window(2, "pintu", 900, 1400, 0));
    r.add(new InterleavedRounds.Window(3, "pintu", 1200, 1000, 0));
    r.add(new InterleavedRounds.Window(3, "grammy-file", 600, 1900, 0));

    assertEquals(List.of(3.0, 3.0, 2.0), r.ratios("pintu", "grammy-file"));
    String table = r.table("pintu");
    // Medians of the rates alone would say 1200 / 500 = 2.4x; the rounds say 3.00 (2.00–3.00).
    assertTrue(table.contains("| pintu | 3 | 1200 (900–1500) | 1000 | — | 0 |"), table);
    assertTrue(table.contains("| grammy-file | 3 | 500 (300–600) | 2000 | 3.00 (2.00–3.00) | 0 |"), table);
  }

  @Test
  void aWindowWithWrongRepliesCountsInNoRatio() {
    InterleavedRounds r = new InterleavedRounds();
    r.add(new InterleavedRounds.Window(1, "pintu", 1500, 900, 0));
    r.add(new InterleavedRounds.Window(1, "grammy-file", 900, 1500, 4)); // fast because it skipped replies
    r.add(new InterleavedRounds.Window(2, "grammy-file", 500, 2000, 0));
    r.add(new InterleavedRounds.Window(2, "pintu", 1000, 1000, 0));

    assertEquals(List.of(2.0), r.ratios("pintu", "grammy-file"));
    assertTrue(r.table("pintu").contains("| grammy-file | 1 | 500 (500–500) | 2000 | 2.00 (2.00–2.00) | 4 |"), r.table("pintu"));
  }

  @Test
  void roundsAlternateTheOrderSoNeitherBotAlwaysGoesFirst() {
    List<String> bots = List.of("pintu", "grammy-file", "grammy-memory");
    assertEquals(bots, InterleavedRounds.order(bots, 1));
    assertEquals(List.of("grammy-memory", "grammy-file", "pintu"), InterleavedRounds.order(bots, 2));
    assertEquals(bots, InterleavedRounds.order(bots, 3));
  }
}
