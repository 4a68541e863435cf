package id.pintu.dialog;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code pintu validate [path]}: checks a dialogs folder (default {@code dialogs}) or one
 * script file against the other scripts of its folder. Prints one line per problem and a
 * summary. Exit code 0 when clean, 1 when there are problems, 2 for a usage error.
 */
public final class ValidateCommand {
  public static final String DEFAULT_PATH = "dialogs";

  private ValidateCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
      out.println("Usage: validate [path]   check a dialogs folder or one script file (default: " + DEFAULT_PATH + ")");
      return 0;
    }
    if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
      err.println("Usage: validate [path]   check a dialogs folder or one script file (default: " + DEFAULT_PATH + ")");
      return 2;
    }
    Path path = Path.of(args.isEmpty() ? DEFAULT_PATH : args.get(0));
    if (!Files.exists(path)) {
      err.println("There is no file or folder '" + path + "'.");
      return 2;
    }
    List<Problem> problems;
    int scripts;
    String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    boolean oneScript = Files.isRegularFile(path)
        && !fileName.equals(DialogFolder.SERVICE_FILE) && !fileName.equals(DialogFolder.LEXICON_FILE);
    if (oneScript) {
      try {
        problems = ScriptValidator.validateFile(path);
      } catch (IOException e) {
        err.println("Cannot read '" + path + "': " + e.getMessage());
        return 2;
      }
      scripts = 1;
    } else {
      Path dir = Files.isRegularFile(path) ? path.toAbsolutePath().getParent() : path;
      problems = ScriptValidator.validateFolder(dir);
      scripts = DialogFolder.read(dir).files().size();
    }
    for (Problem p : problems) out.println(p);
    out.println(summary(problems, scripts));
    return problems.isEmpty() ? 0 : 1;
  }

  static String summary(List<Problem> problems, int scripts) {
    String checked = scripts == 1 ? "1 script" : scripts + " scripts";
    if (problems.isEmpty()) return "OK: " + checked + " checked, no problems.";
    Set<String> files = new LinkedHashSet<>();
    for (Problem p : problems) files.add(p.file());
    return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
        + files.size() + (files.size() == 1 ? " file" : " files") + " (" + checked + " checked).";
  }
}
