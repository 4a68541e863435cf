package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the default lexicon on a hand-labelled set of realistic first-contact messages,
 * with the same code as {@code screen --eval}. The report is printed so a lexicon change can
 * be compared; only urgent recall and precision are asserted, because a missed emergency is
 * the error that matters most.
 */
class LabelledMessagesTest {

  static LabelledMessages.Parsed read(String resource) throws IOException {
    try (InputStream in = LabelledMessagesTest.class.getResourceAsStream(resource)) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      LabelledMessages.Parsed parsed = LabelledMessages.parse(lines);
      assertEquals(List.of(), parsed.problems(), resource + " has lines the evaluation skips");
      return parsed;
    }
  }

  static ScreenEvaluation.Report evaluate(String name, LabelledMessages.Parsed set, CrisisScreen screen) {
    ScreenEvaluation.Report report = ScreenEvaluation.evaluate(set, screen);
    System.out.println("\n" + EvaluationPrinter.format(name, "default", set, report));
    return report;
  }

  @Test
  void urgentRecallAndPrecisionOnTheLabelledSet() throws IOException {
    LabelledMessages.Parsed set = read("/safety/labelled-messages.tsv");
    assertTrue(set.messages().size() >= 300, "labelled set too small: " + set.messages().size());
    ScreenEvaluation.Report r = evaluate("labelled-messages.tsv", set, LexiconCrisisScreen.loadDefault());
    double recall = r.urgentRecall().share();
    double precision = r.urgentPrecision().share();
    assertTrue(recall >= 0.95, "urgent recall " + recall + " < 0.95");
    assertTrue(precision >= 0.85, "urgent precision " + precision + " < 0.85");
  }

  /**
   * Held-out messages the lexicon was never tuned on: figures printed for honesty, not asserted,
   * because the set is small and is meant to be extended rather than chased.
   */
  @Test
  void heldOutFiguresArePrinted() throws IOException {
    LabelledMessages.Parsed set = read("/safety/labelled-messages-holdout.tsv");
    ScreenEvaluation.Report r = evaluate("labelled-messages-holdout.tsv (not tuned on)", set,
        LexiconCrisisScreen.loadDefault());
    assertTrue(r.urgentRecall().hits() > 0, "no urgent message found at all");
  }
}
