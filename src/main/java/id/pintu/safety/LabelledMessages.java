package id.pintu.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A file of messages labelled by hand with the level a counselor would want, read for
 * {@link ScreenEvaluation}. One message a line, tab-separated, in one of two forms:
 *
 * <pre>
 * level&lt;TAB&gt;text
 * level&lt;TAB&gt;category&lt;TAB&gt;lang&lt;TAB&gt;text
 * </pre>
 *
 * The first message line decides the form for the whole file, so a figure "by category" never
 * mixes labelled and unlabelled lines. Lines starting with {@code #} and blank lines are
 * skipped. A line that does not fit is reported with its number and skipped: a social worker's
 * file with one typo should still give figures for the other lines.
 */
public final class LabelledMessages {
  private LabelledMessages() {}

  public static final List<String> CATEGORIES = List.of("suicide_self_harm", "violence_home",
      "harm_to_others", "sexual_violence", "child_danger", "trafficking", "medical_emergency", "none");
  public static final List<String> LANGUAGES = List.of("id", "en", "mix");
  private static final Set<String> CATEGORY_SET = Set.copyOf(CATEGORIES);

  /**
   * One labelled message.
   *
   * @param line the line number in the file, from 1
   * @param category the expected category, or null when the file has no category column
   * @param lang {@code id}, {@code en} or {@code mix}; null when the file has no lang column
   */
  public record Message(int line, RiskLevel expected, String category, String lang, String text) {}

  /** A skipped line and why, in one sentence. */
  public record Problem(int line, String reason) {
    public String sentence() {
      return "line " + line + " skipped: " + reason;
    }
  }

  /**
   * @param withCategories true when the lines carry category and lang columns
   */
  public record Parsed(List<Message> messages, List<Problem> problems, boolean withCategories) {
    public Parsed {
      messages = List.copyOf(messages);
      problems = List.copyOf(problems);
    }
  }

  public static Parsed parse(List<String> lines) {
    List<Message> messages = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Boolean withCategories = null; // decided by the first message line
    for (int i = 0; i < lines.size(); i++) {
      int no = i + 1;
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) line = line.substring(1); // spreadsheet exports
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1); // Windows line ends
      if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        problems.add(new Problem(no, "no tab; write the level, a tab, then the message"));
        continue;
      }
      RiskLevel level = level(f[0]);
      if (level == null) {
        problems.add(new Problem(no, "the level must be urgent, concern or none, not '" + f[0].strip() + "'"));
        continue;
      }
      boolean fourColumns = f.length >= 4 && CATEGORY_SET.contains(f[1].strip().toLowerCase(Locale.ROOT));
      if (withCategories == null) {
        if (f.length == 3 && CATEGORY_SET.contains(f[1].strip().toLowerCase(Locale.ROOT))) {
          problems.add(new Problem(no, "3 columns; write level, category, lang and text, or just level and text"));
          continue;
        }
        withCategories = fourColumns;
      }
      String text;
      String category = null;
      String lang = null;
      if (withCategories) {
        if (f.length < 4) {
          problems.add(new Problem(no, "expected 4 columns (level, category, lang, text) like the first line, found " + f.length));
          continue;
        }
        category = f[1].strip().toLowerCase(Locale.ROOT);
        lang = f[2].strip().toLowerCase(Locale.ROOT);
        if (!CATEGORY_SET.contains(category)) {
          problems.add(new Problem(no, "unknown category '" + f[1].strip() + "'; use one of " + String.join(", ", CATEGORIES)));
          continue;
        }
        if (!LANGUAGES.contains(lang)) {
          problems.add(new Problem(no, "the lang must be id, en or mix, not '" + f[2].strip() + "'"));
          continue;
        }
        text = join(f, 3);
      } else if (fourColumns) {
        problems.add(new Problem(no, "has category and lang columns but the first line has none; use one form for the whole file"));
        continue;
      } else {
        text = join(f, 1);
      }
      if (text.isBlank()) {
        problems.add(new Problem(no, "there is no message after the level"));
        continue;
      }
      messages.add(new Message(no, level, category, lang, text));
    }
    return new Parsed(messages, problems, Boolean.TRUE.equals(withCategories));
  }

  private static RiskLevel level(String s) {
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "urgent" -> RiskLevel.URGENT;
      case "concern" -> RiskLevel.CONCERN;
      case "none" -> RiskLevel.NONE;
      default -> null;
    };
  }

  /** The rest of the line from field {@code from}; a tab inside the message reads as a space. */
  private static String join(String[] f, int from) {
    return String.join(" ", java.util.Arrays.asList(f).subList(from, f.length));
  }
}
