package id.pintu.admin;

import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Script;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code pintu graph <script> [--dialogs dir]}: prints the script as a Mermaid flowchart. */
public final class GraphCommand {
  private GraphCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String script = null;
    String dir = "dialogs";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--dialogs") && i + 1 < args.size()) {
        dir = args.get(++i);
      } else if (a.startsWith("--")) {
        err.println("Unknown option '" + a + "'. Usage: graph <script> [--dialogs dir]");
        return 2;
      } else if (script == null) {
        script = a.replaceFirst("\\.ya?ml$", "");
      }
    }
    if (script == null) {
      err.println("Which script? Usage: graph <script> [--dialogs dir], e.g. graph first-contact");
      return 2;
    }
    DialogFolder.Contents c = DialogFolder.read(Path.of(dir));
    Script s = c.scripts().get(script);
    if (s == null) {
      err.println("No script '" + script + "' in " + dir + " (there are: " + String.join(", ", c.scripts().keySet()) + ").");
      c.problems().forEach(p -> err.println("  " + p));
      return 1;
    }
    out.print(MermaidGraph.of(s));
    return 0;
  }
}
