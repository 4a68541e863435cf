package id.pintu.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a crisis screen over hand-labelled messages and counts how it did. Pure: no I/O, the
 * same figures for the same screen and messages. Used by {@code screen --eval} (an admin
 * testing a lexicon change on their own messages) and by the labelled-set tests, so both
 * measure the same thing. {@link EvaluationPrinter} turns the figures into text.
 *
 * <p>"Urgent" below always means <em>screened</em> urgent: only an urgent verdict jumps a
 * family to the crisis script, so a concern verdict on an emergency counts as a miss.
 */
public final class ScreenEvaluation {
  private ScreenEvaluation() {}

  /** The category a miss is counted under when the file gives no expected category. */
  public static final String UNKNOWN = "unknown";

  /** {@code hits} of {@code of}; the share is NaN when there is nothing to count. */
  public record Ratio(int hits, int of) {
    public double share() {
      return of == 0 ? Double.NaN : (double) hits / of;
    }

    Ratio plus(boolean hit) {
      return new Ratio(hits + (hit ? 1 : 0), of + 1);
    }
  }

  /** A message where the screen and the label disagree, with what the screen found. */
  public record Disagreement(LabelledMessages.Message message, ScreenResult screened) {
    /** The most serious match, or null when nothing matched. */
    public ScreenMatch top() {
      return screened.matches().isEmpty() ? null : screened.matches().get(0);
    }
  }

  /**
   * The figures.
   *
   * @param confusion counts as {@code confusion[expected.ordinal()][screened.ordinal()]}; read
   *     with {@link #count}
   * @param byCategory urgent recall per expected category, or, when {@code categoriesFromFile}
   *     is false, per the category the screen gave, misses under {@link #UNKNOWN}
   * @param byLanguage urgent recall per language: the file's lang column, or
   *     {@link LanguageGuess} when {@code languagesFromFile} is false
   * @param misses urgent messages not screened urgent
   * @param falseUrgent non-urgent messages screened urgent
   */
  public record Report(int messages, int[][] confusion, Ratio urgentRecall, Ratio urgentPrecision,
      Ratio ordinaryScreenedUrgent, Ratio urgentFlagged, Map<String, Ratio> byCategory,
      boolean categoriesFromFile, Map<String, Ratio> byLanguage, boolean languagesFromFile,
      List<Disagreement> misses, List<Disagreement> falseUrgent) {
    public Report {
      int[][] copy = new int[3][];
      for (int i = 0; i < 3; i++) copy[i] = confusion[i].clone();
      confusion = copy;
      byCategory = java.util.Collections.unmodifiableMap(new TreeMap<>(byCategory));
      byLanguage = java.util.Collections.unmodifiableMap(new TreeMap<>(byLanguage));
      misses = List.copyOf(misses);
      falseUrgent = List.copyOf(falseUrgent);
    }

    public int count(RiskLevel expected, RiskLevel screened) {
      return confusion[expected.ordinal()][screened.ordinal()];
    }

    /** How many messages were labelled {@code expected}. */
    public int expected(RiskLevel expected) {
      int n = 0;
      for (int k : confusion[expected.ordinal()]) n += k;
      return n;
    }
  }

  public static Report evaluate(LabelledMessages.Parsed parsed, CrisisScreen screen) {
    return evaluate(parsed.messages(), parsed.withCategories(), screen);
  }

  public static Report evaluate(List<LabelledMessages.Message> messages, boolean withCategories, CrisisScreen screen) {
    int[][] confusion = new int[3][3];
    Map<String, Ratio> byCategory = new TreeMap<>();
    Map<String, Ratio> byLanguage = new TreeMap<>();
    List<Disagreement> misses = new ArrayList<>();
    List<Disagreement> falseUrgent = new ArrayList<>();
    for (LabelledMessages.Message m : messages) {
      ScreenResult r = screen.screen(m.text());
      confusion[m.expected().ordinal()][r.level().ordinal()]++;
      boolean expectedUrgent = m.expected() == RiskLevel.URGENT;
      if (expectedUrgent) {
        boolean hit = r.urgent();
        if (!hit) misses.add(new Disagreement(m, r));
        // Without expected categories only the screen's own category is known, and a miss
        // has none worth trusting: it goes under "unknown" so the misses stay visible.
        String category = withCategories ? m.category()
            : hit && !r.matches().isEmpty() ? r.matches().get(0).category() : UNKNOWN;
        byCategory.merge(category, new Ratio(0, 0).plus(hit), ScreenEvaluation::sum);
        String lang = m.lang() != null ? m.lang() : LanguageGuess.guess(m.text());
        byLanguage.merge(lang, new Ratio(0, 0).plus(hit), ScreenEvaluation::sum);
      } else if (r.urgent()) {
        falseUrgent.add(new Disagreement(m, r));
      }
    }
    int u = RiskLevel.URGENT.ordinal();
    int n = RiskLevel.NONE.ordinal();
    int c = RiskLevel.CONCERN.ordinal();
    int expectedUrgent = confusion[u][0] + confusion[u][1] + confusion[u][2];
    int screenedUrgent = confusion[0][u] + confusion[1][u] + confusion[2][u];
    int expectedNone = confusion[n][0] + confusion[n][1] + confusion[n][2];
    return new Report(messages.size(), confusion,
        new Ratio(confusion[u][u], expectedUrgent),
        new Ratio(confusion[u][u], screenedUrgent),
        new Ratio(confusion[n][u], expectedNone),
        new Ratio(confusion[u][c] + confusion[u][u], expectedUrgent),
        byCategory, withCategories, byLanguage, withCategories, misses, falseUrgent);
  }

  private static Ratio sum(Ratio a, Ratio b) {
    return new Ratio(a.hits() + b.hits(), a.of() + b.of());
  }
}
