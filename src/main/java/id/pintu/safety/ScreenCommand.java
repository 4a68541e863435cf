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
 * <p>Exit status: 0 done, 1 the lexicon is invalid or unreadable, 2 usage error.
 */
public final class ScreenCommand {
  private ScreenCommand() {}

  public static final String USAGE = "usage: screen [--lexicon FILE] < messages.txt\n"
      + "  reads one message per line and prints: level<TAB>category<TAB>phrase<TAB>message\n"
      + "  default lexicon: " + Lexicon.DEFAULT_RELATIVE_PATH + " if present, else the built-in copy";

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    Path lexiconFile = null;
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
    try {
      if (lexiconFile != null && !Files.isRegularFile(lexiconFile)) {
        err.println("screen: no such lexicon file: " + lexiconFile);
        return 1;
      }
      Lexicon lexicon = lexiconFile == null ? Lexicon.loadDefault() : Lexicon.load(lexiconFile);
      screen = new LexiconCrisisScreen(lexicon);
    } catch (Lexicon.LexiconException e) {
      err.println("screen: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("screen: " + e.getMessage());
      return 1;
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
}
