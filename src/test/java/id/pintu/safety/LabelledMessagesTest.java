package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures the default lexicon with the same code as {@code screen --eval}, on the messages it
 * was developed on and on the held-out sets nobody tuned it on. The reports are printed so a
 * lexicon change can be compared.
 *
 * <p>What is asserted are floors a little under today's figures (docs/SAFETY.md has them), so
 * that a lexicon edit that loses emergencies fails the build. They are not the goal: issue 24's
 * goal (held-out urgent recall 0.95, precision 0.85) is not met yet, and SAFETY.md says so.
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

  static ScreenEvaluation.Report evaluate(String name, LabelledMessages.Parsed set) {
    ScreenEvaluation.Report report = ScreenEvaluation.evaluate(set, SCREEN);
    System.out.println("\n" + EvaluationPrinter.format(name, "default", set, report));
    return report;
  }

  static final CrisisScreen SCREEN = FrameScreen.loadDefault();

  static void floors(ScreenEvaluation.Report r, double recall, double precision, double flagged) {
    assertTrue(r.urgentRecall().share() >= recall, "urgent recall " + r.urgentRecall() + " < " + recall);
    assertTrue(r.urgentPrecision().share() >= precision, "urgent precision " + r.urgentPrecision() + " < " + precision);
    assertTrue(r.urgentFlagged().share() >= flagged, "urgent flagged at all " + r.urgentFlagged() + " < " + flagged);
  }

  @Test
  void theCorpusItWasDevelopedOn() throws IOException {
    LabelledMessages.Parsed corpus = read("/safety/labelled-corpus.tsv");
    LabelledMessages.Parsed older = read("/safety/labelled-messages.tsv");
    assertTrue(corpus.messages().size() + older.messages().size() >= 1500, "the corpus is smaller than 1,500 messages");
    floors(evaluate("labelled-corpus.tsv (tuned on)", corpus), 0.90, 0.86, 0.95);
    floors(evaluate("labelled-messages.tsv (tuned on)", older), 0.88, 0.88, 0.94);
  }

  /** Written by writers who never saw the lexicon or the corpus; never tuned on. */
  @Test
  void theHeldOutSets() throws IOException {
    for (String set : List.of("D", "E", "F")) {
      LabelledMessages.Parsed held = read("/safety/heldout-" + set + ".tsv");
      assertTrue(held.messages().size() >= 300, "held-out set " + set + " is smaller than 300");
      floors(evaluate("heldout-" + set + ".tsv (NOT tuned on)", held), 0.68, 0.78, 0.80);
    }
  }
}
