package id.pintu;

import id.pintu.dialog.ValidateCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code java -jar pintu.jar <command>}: the service and the admin's tools in one jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(List.of(args), System.out, System.err);
    if (code != Integer.MIN_VALUE) System.exit(code);
  }

  /** Runs a subcommand; {@code Integer.MIN_VALUE} means "keep running" (the service). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      usage(err);
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      // subcommands: one line each
      case "run" -> {
        int code = id.pintu.service.RunCommand.run(rest, out, err);
        return code == 0 ? Integer.MIN_VALUE : code;
      }
      case "validate" -> { return ValidateCommand.run(rest, out, err); }
      case "simulate" -> { return id.pintu.dialog.SimulateCommand.run(rest, System.in, out, err); }
      case "screen" -> { return id.pintu.safety.ScreenCommand.run(rest, System.in, out, err); }
      case "graph" -> { return id.pintu.admin.GraphCommand.run(rest, out, err); }
      case "rekey" -> { return id.pintu.store.RekeyCommand.run(rest, out, err); }
      case "help", "--help", "-h" -> {
        usage(out);
        return 0;
      }
      default -> {
        err.println("Unknown command '" + args.get(0) + "'.");
        usage(err);
        return 2;
      }
    }
  }

  static void usage(PrintStream out) {
    out.println(String.join("\n", Arrays.asList(
        "Usage: java -jar target/pintu.jar <command>",
        "  run [--config file]         start the service (default config/pintu.yaml or PINTU_CONFIG; PINTU_* overrides)",
        "  validate [path]             check the dialog scripts (default: dialogs)",
        "  simulate [--script id] [--lang id|en] [--dialogs dir]",
        "                              chat with a script in the terminal",
        "  graph <script> [--dialogs dir] print a script as a Mermaid flowchart",
        "  screen [--lexicon file] [--examples file] [--eval file.tsv]",
        "                              try the crisis screen on messages, one per line, or measure it",
        "  rekey [--config file]       re-seal stored conversations with the current encryption key")));
  }
}
