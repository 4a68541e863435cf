package id.pintu.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled example messages the screen learns from: {@code dialogs/crisis-examples.tsv}
 * (admin-edited, lines {@code level<TAB>category<TAB>lang<TAB>message}), else the copy in the jar.
 * A file with a bad line, or too few examples of a level to learn from, is refused with the
 * lines named: like the lexicon, a broken safety net must not start silently.
 */
public final class Examples {
  public static final String FILE = "crisis-examples.tsv";
  public static final String DEFAULT_RELATIVE_PATH = "dialogs/" + FILE;
  static final String CLASSPATH_RESOURCE = "/id/pintu/safety/" + FILE;
  /** Fewer examples of a level than this teach the model nothing it can rely on. */
  static final int MIN_PER_LEVEL = 20;
  private static final int PROBLEMS_SHOWN = 10;

  private Examples() {}

  /** Why an examples file cannot be used; the message names the file, the problems name the lines. */
  public static final class ExamplesException extends RuntimeException {
    private final List<String> problems;

    public ExamplesException(String source, List<String> problems) {
      super("crisis examples " + source + " cannot be used: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  public static List<LabelledMessages.Message> load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ExamplesException(file.toString(), List.of("it is not UTF-8 text; save the file as UTF-8"));
    } catch (IOException e) {
      throw new ExamplesException(file.toString(), List.of("it cannot be read (" + e.getMessage() + ")"));
    }
    return parse(lines, file.toString());
  }

  public static List<LabelledMessages.Message> fromClasspath() {
    try (InputStream in = Examples.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) throw new IllegalStateException("crisis examples missing from classpath: " + CLASSPATH_RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), "classpath:" + CLASSPATH_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code dialogs/crisis-examples.tsv} under {@code baseDir} if it exists, else the jar's copy. */
  public static List<LabelledMessages.Message> loadDefault(Path baseDir) {
    Path file = baseDir == null ? null : baseDir.resolve(DEFAULT_RELATIVE_PATH);
    return file != null && Files.isRegularFile(file) ? load(file) : fromClasspath();
  }

  static List<LabelledMessages.Message> parse(List<String> lines, String source) {
    LabelledMessages.Parsed parsed = LabelledMessages.parse(lines);
    List<String> problems = new ArrayList<>();
    for (LabelledMessages.Problem p : parsed.problems()) problems.add(p.sentence());
    if (!parsed.messages().isEmpty() && !parsed.withCategories()) {
      problems.add(0, "the lines need four columns (level, category, lang, message): the category is what the counselor is told");
    }
    Map<RiskLevel, Integer> counts = new EnumMap<>(RiskLevel.class);
    for (LabelledMessages.Message m : parsed.messages()) counts.merge(m.expected(), 1, Integer::sum);
    for (RiskLevel l : RiskLevel.values()) {
      int n = counts.getOrDefault(l, 0);
      if (n < MIN_PER_LEVEL) {
        problems.add("it has " + n + " " + l.wire() + " examples; the screen needs at least " + MIN_PER_LEVEL + " of each level to learn from");
      }
    }
    if (!problems.isEmpty()) {
      List<String> shown = new ArrayList<>(problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
      if (problems.size() > shown.size()) shown.add("and " + (problems.size() - shown.size()) + " more");
      throw new ExamplesException(source, shown);
    }
    return parsed.messages();
  }
}
