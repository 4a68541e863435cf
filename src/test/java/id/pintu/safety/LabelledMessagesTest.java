package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measures the default lexicon on a hand-labelled set of realistic first-contact messages.
 * The figures are printed so a lexicon change can be compared; only urgent recall and
 * precision are asserted, because a missed emergency is the error that matters most.
 */
class LabelledMessagesTest {

  record Labelled(RiskLevel expected, String message) {}

  static List<Labelled> read(String resource) throws IOException {
    List<Labelled> out = new ArrayList<>();
    try (InputStream in = LabelledMessagesTest.class.getResourceAsStream(resource)) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        out.add(new Labelled(RiskLevel.valueOf(line.substring(0, tab).trim().toUpperCase(Locale.ROOT)),
            line.substring(tab + 1)));
      }
    }
    return out;
  }

  /** Prints the confusion table and per-level figures; returns {recall, precision} per level. */
  static Map<RiskLevel, double[]> evaluate(String name, List<Labelled> set, CrisisScreen screen) {
    int[][] confusion = new int[3][3]; // [expected][actual]
    List<String> errors = new ArrayList<>();
    for (Labelled l : set) {
      ScreenResult r = screen.screen(l.message());
      confusion[l.expected().ordinal()][r.level().ordinal()]++;
      if (r.level() != l.expected()) {
        String why = r.matches().isEmpty() ? "" : "  [" + r.matches().get(0).category() + ": "
            + r.matches().get(0).phrase() + " <- \"" + r.matches().get(0).excerpt() + "\"]";
        errors.add("  expected " + l.expected().wire() + ", got " + r.level().wire() + ": "
            + l.message() + why);
      }
    }
    Map<RiskLevel, double[]> figures = new EnumMap<>(RiskLevel.class);
    StringBuilder sb = new StringBuilder();
    sb.append("\n=== ").append(name).append(": ").append(set.size()).append(" messages ===\n");
    sb.append("expected \\ screened   none concern urgent\n");
    for (RiskLevel e : RiskLevel.values()) {
      sb.append(String.format(Locale.ROOT, "%-20s %6d %7d %6d%n", e.wire(),
          confusion[e.ordinal()][0], confusion[e.ordinal()][1], confusion[e.ordinal()][2]));
    }
    for (RiskLevel lv : RiskLevel.values()) {
      int tp = confusion[lv.ordinal()][lv.ordinal()];
      int expected = 0;
      int predicted = 0;
      for (int k = 0; k < 3; k++) {
        expected += confusion[lv.ordinal()][k];
        predicted += confusion[k][lv.ordinal()];
      }
      double recall = expected == 0 ? 1 : (double) tp / expected;
      double precision = predicted == 0 ? 1 : (double) tp / predicted;
      figures.put(lv, new double[] {recall, precision});
      sb.append(String.format(Locale.ROOT, "%-8s recall %.3f (%d/%d)  precision %.3f (%d/%d)%n",
          lv.wire(), recall, tp, expected, precision, tp, predicted));
    }
    // Urgent messages screened as anything less are the misses a counselor would pay for.
    int urgentFlagged = confusion[2][1] + confusion[2][2];
    sb.append(String.format(Locale.ROOT, "urgent messages flagged at all (concern or urgent): %d/%d%n",
        urgentFlagged, confusion[2][0] + urgentFlagged));
    sb.append("disagreements:\n");
    errors.forEach(e -> sb.append(e).append('\n'));
    System.out.println(sb);
    return figures;
  }

  @Test
  void urgentRecallAndPrecisionOnTheLabelledSet() throws IOException {
    List<Labelled> set = read("/safety/labelled-messages.tsv");
    assertTrue(set.size() >= 300, "labelled set too small: " + set.size());
    Map<RiskLevel, double[]> f = evaluate("labelled-messages.tsv", set, LexiconCrisisScreen.loadDefault());
    double[] urgent = f.get(RiskLevel.URGENT);
    assertTrue(urgent[0] >= 0.95, "urgent recall " + urgent[0] + " < 0.95");
    assertTrue(urgent[1] >= 0.85, "urgent precision " + urgent[1] + " < 0.85");
  }

  /**
   * Held-out messages the lexicon was never tuned on: figures printed for honesty, not asserted,
   * because the set is small and is meant to be extended rather than chased.
   */
  @Test
  void heldOutFiguresArePrinted() throws IOException {
    List<Labelled> set = read("/safety/labelled-messages-holdout.tsv");
    Map<RiskLevel, double[]> f = evaluate("labelled-messages-holdout.tsv (not tuned on)", set,
        LexiconCrisisScreen.loadDefault());
    assertTrue(f.get(RiskLevel.URGENT)[0] > 0, "no urgent message found at all");
  }
}
