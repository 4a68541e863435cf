package id.pintu.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a {@link ScreenEvaluation.Report} as plain text for a terminal: for the social worker
 * who owns the lexicon and checks a change on their own messages, so labels are short English
 * words and every figure shows its counts ("5 of 6"), not only a percentage.
 */
public final class EvaluationPrinter {
  private EvaluationPrinter() {}

  /** Messages longer than this are cut in the lists; the line number finds the rest. */
  static final int MAX_SHOWN = 300;

  /**
   * @param file what was evaluated, as the user named it
   * @param lexicon which lexicon the screen used, in words
   */
  public static String format(String file, String lexicon, LabelledMessages.Parsed parsed,
      ScreenEvaluation.Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Crisis screen evaluation\n");
    sb.append("  file:     ").append(file).append('\n');
    sb.append("  lexicon:  ").append(lexicon).append('\n');
    sb.append("  messages: ").append(r.messages()).append(" (urgent ").append(r.expected(RiskLevel.URGENT))
        .append(", concern ").append(r.expected(RiskLevel.CONCERN))
        .append(", none ").append(r.expected(RiskLevel.NONE)).append(")\n");
    List<LabelledMessages.Problem> problems = parsed.problems();
    sb.append("  skipped:  ").append(problems.size()).append(problems.size() == 1 ? " line\n" : " lines\n");
    for (LabelledMessages.Problem p : problems) sb.append("    ").append(p.sentence()).append('\n');

    sb.append("\nSummary (urgent = the screen said urgent)\n");
    row(sb, "urgent recall", r.urgentRecall(), "urgent messages screened urgent");
    row(sb, "urgent precision", r.urgentPrecision(), "messages screened urgent were labelled urgent");
    row(sb, "ordinary messages screened urgent", r.ordinaryScreenedUrgent(), "'none' messages screened urgent");
    row(sb, "urgent messages screened at least concern", r.urgentFlagged(), "urgent messages screened concern or urgent");

    sb.append("\nConfusion table (rows: your label, columns: what the screen said)\n");
    sb.append(String.format(Locale.ROOT, "  %-10s %7s %8s %7s%n", "", "none", "concern", "urgent"));
    for (RiskLevel e : RiskLevel.values()) {
      sb.append(String.format(Locale.ROOT, "  %-10s %7d %8d %7d%n", e.wire(),
          r.count(e, RiskLevel.NONE), r.count(e, RiskLevel.CONCERN), r.count(e, RiskLevel.URGENT)));
    }

    sb.append(r.categoriesFromFile()
        ? "\nUrgent recall by category (your category column)\n"
        : "\nUrgent recall by category (no category column: the category the screen gave; misses under unknown)\n");
    table(sb, r.byCategory());
    sb.append(r.languagesFromFile()
        ? "\nUrgent recall by language (your lang column)\n"
        : "\nUrgent recall by language (no lang column: guessed from common words, see docs/SCRIPTS.md)\n");
    table(sb, r.byLanguage());

    sb.append("\nMissed urgent messages: ").append(r.misses().size()).append('\n');
    r.misses().forEach(d -> disagreement(sb, d));
    sb.append("\nFalse urgent (screened urgent, labelled concern or none): ").append(r.falseUrgent().size()).append('\n');
    r.falseUrgent().forEach(d -> disagreement(sb, d));
    return sb.toString();
  }

  static String percent(ScreenEvaluation.Ratio ratio) {
    return ratio.of() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio.share());
  }

  private static void row(StringBuilder sb, String label, ScreenEvaluation.Ratio ratio, String what) {
    sb.append(String.format(Locale.ROOT, "  %-42s %6s   %d of %d %s%n", label, percent(ratio),
        ratio.hits(), ratio.of(), what));
  }

  private static void table(StringBuilder sb, Map<String, ScreenEvaluation.Ratio> rows) {
    if (rows.isEmpty()) sb.append("  (no urgent messages)\n");
    rows.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-20s %6s   %d of %d%n", k, percent(v), v.hits(), v.of())));
  }

  private static void disagreement(StringBuilder sb, ScreenEvaluation.Disagreement d) {
    LabelledMessages.Message m = d.message();
    ScreenMatch top = d.top();
    String why = top == null ? "no lexicon phrase matched"
        : top.category() + ", phrase \"" + top.phrase() + "\" in \"" + top.excerpt() + "\"";
    sb.append("  line ").append(m.line()).append(": expected ").append(m.expected().wire())
        .append(", screened ").append(d.screened().level().wire());
    if (m.category() != null) sb.append(" (labelled ").append(m.category()).append(')');
    sb.append(" - ").append(why).append('\n');
    String text = m.text();
    if (text.length() > MAX_SHOWN) {
      text = text.substring(0, MAX_SHOWN) + " ... (" + m.text().length() + " characters)";
    }
    sb.append("      ").append(text).append('\n');
  }
}
