package id.pintu.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code screen [--lexicon FILE]}: screens messages read from stdin, one per line, and prints
 * one line per message: {@code level<TAB>category<TAB>matched phrase<TAB>message}, level being
 * {@code urgent}, {@code concern} or {@code none} ({@code -} for category and phrase when none).
 * For admins trying out a lexicon change on real-looking messages before families meet it.
 *
 * <p>{@code screen --eval FILE.tsv [--lexicon FILE]}: screens hand-labelled messages
 * ({@link LabelledMessages}) and prints how the screen did ({@link ScreenEvaluation},
 * {@link EvaluationPrinter}): recall and precision for urgent, the confusion table, recall per
 * category and language, and every miss and false urgent.
 *
 * <p>Exit status: 0 done (whatever the figures), 1 the lexicon or the labelled file is invalid
 * or unreadable, 2 usage error.
 */
public final class ScreenCommand {
  private ScreenCommand() {}

  public static final String USAGE = "usage: screen [--lexicon FILE] [--examples FILE] < messages.txt\n"
      + "       screen --eval LABELLED.tsv [--lexicon FILE] [--examples FILE]\n"
      + "  without --eval: reads one message per line and prints: level<TAB>category<TAB>phrase<TAB>message\n"
      + "  --eval FILE     screens labelled messages and prints recall, precision, the confusion table,\n"
      + "                  recall per category and language, and every miss and false urgent;\n"
      + "                  lines are level<TAB>text or level<TAB>category<TAB>lang<TAB>text, # starts a comment\n"
      + "  --lexicon FILE  the lexicon to screen with; default: " + Lexicon.DEFAULT_RELATIVE_PATH
      + " if present, else the built-in copy\n"
      + "  --examples FILE the labelled examples the screen learns from; default: " + Examples.DEFAULT_RELATIVE_PATH
      + " if present, else the built-in copy\n"
      + "  --help          this text\n"
      + "  exit status: 0 done, 1 a file is missing or invalid, 2 usage error";

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Path lexiconFile = null;
    Path examplesFile = null;
    Path evalFile = null;
    int i = 0;
    if (!args.isEmpty() && "screen".equals(args.get(0))) {
      i = 1;
    }
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if ("--lexicon".equals(a) && i + 1 < args.size()) {
        lexiconFile = Path.of(args.get(++i));
      } else if (a.startsWith("--lexicon=")) {
        lexiconFile = Path.of(a.substring("--lexicon=".length()));
      } else if ("--examples".equals(a) && i + 1 < args.size()) {
        examplesFile = Path.of(args.get(++i));
      } else if (a.startsWith("--examples=")) {
        examplesFile = Path.of(a.substring("--examples=".length()));
      } else if ("--eval".equals(a) && i + 1 < args.size()) {
        evalFile = Path.of(args.get(++i));
      } else if (a.startsWith("--eval=")) {
        evalFile = Path.of(a.substring("--eval=".length()));
      } else if ("--help".equals(a) || "-h".equals(a)) {
        out.println(USAGE);
        return 0;
      } else {
        err.println("screen: unexpected argument '" + a + "'");
        err.println(USAGE);
        return 2;
      }
    }
    CrisisScreen screen;
    List<LabelledMessages.Message> examples;
    try {
      if (lexiconFile != null && !Files.isRegularFile(lexiconFile)) {
        err.println("screen: no such lexicon file: " + lexiconFile);
        return 1;
      }
      if (examplesFile != null && !Files.isRegularFile(examplesFile)) {
        err.println("screen: no such examples file: " + examplesFile);
        return 1;
      }
      Lexicon lexicon = lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(lexiconFile);
      examples = examplesFile == null ? Examples.loadDefault(Path.of("")) : Examples.load(examplesFile);
      screen = new CombinedScreen(new FrameScreen(lexicon), examples);
    } catch (Lexicon.LexiconException | Examples.ExamplesException e) {
      err.println("screen: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("screen: " + e.getMessage());
      return 1;
    }
    if (evalFile != null) {
      String lexicon = lexiconFile != null ? lexiconFile.toString()
          : Files.isRegularFile(Path.of(Lexicon.DEFAULT_RELATIVE_PATH)) ? Lexicon.DEFAULT_RELATIVE_PATH
          : "the built-in copy";
      String learned = examplesFile != null ? examplesFile.toString()
          : Files.isRegularFile(Path.of(Examples.DEFAULT_RELATIVE_PATH)) ? Examples.DEFAULT_RELATIVE_PATH
          : "the built-in copy";
      return evaluate(evalFile, screen, lexicon + ", examples " + learned, examples, out, err);
    }
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        ScreenResult r = screen.screen(line);
        String category = "-";
        String phrase = "-";
        if (!r.matches().isEmpty()) {
          ScreenMatch top = r.matches().get(0); // most serious first
          category = top.category();
          phrase = top.phrase();
        }
        out.println(r.level().wire() + "\t" + category + "\t" + phrase + "\t" + line.replace('\t', ' '));
      }
      out.flush();
      return 0;
    } catch (IOException e) {
      err.println("screen: cannot read input: " + e.getMessage());
      return 1;
    }
  }

  /**
   * {@code --eval}: reads the labelled file, screens it with {@code screen} and prints the
   * figures. Package-private so tests can pass a screen of their own and know the exact figures.
   */
  static int evaluate(Path file, CrisisScreen screen, String lexicon, PrintStream out, PrintStream err) {
    return evaluate(file, screen, lexicon, List.of(), out, err);
  }

  /**
   * As above; messages that are also among the {@code examples} the screen learned from are
   * counted and named in one line, since a figure on them says little.
   */
  static int evaluate(Path file, CrisisScreen screen, String lexicon, List<LabelledMessages.Message> examples,
      PrintStream out, PrintStream err) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      err.println("screen: " + file + " is not UTF-8 text; save it as UTF-8 and try again");
      return 1;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println("screen: no such file: " + file);
      return 1;
    } catch (IOException e) {
      err.println("screen: cannot read " + file + ": " + e.getMessage());
      return 1;
    }
    LabelledMessages.Parsed parsed = LabelledMessages.parse(lines);
    if (parsed.messages().isEmpty()) {
      parsed.problems().forEach(p -> err.println("screen: " + p.sentence()));
      err.println("screen: " + file + " has no labelled messages; each line is level<TAB>text");
      return 1;
    }
    ScreenEvaluation.Report report = ScreenEvaluation.evaluate(parsed, screen);
    out.print(EvaluationPrinter.format(file.toString(), lexicon, parsed, report));
    java.util.Set<String> learned = new java.util.HashSet<>();
    for (LabelledMessages.Message m : examples) learned.add(m.text().strip());
    long known = parsed.messages().stream().filter(m -> learned.contains(m.text().strip())).count();
    if (known > 0) {
      out.println();
      out.println("Note: " + known + " of these " + parsed.messages().size()
          + " messages are among the examples the screen learns from; figures on them say little."
          + " Keep messages you test with out of the examples.");
    }
    out.flush();
    return 0;
  }
}
