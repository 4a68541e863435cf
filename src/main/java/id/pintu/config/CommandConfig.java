package id.pintu.config;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The configuration a command line tool runs with, found the same way for every command. */
public final class CommandConfig {
  private CommandConfig() {}

  /**
   * {@code --config FILE}, else {@code PINTU_CONFIG}, else {@code config/pintu.yaml}, with the
   * environment's overrides; null after telling {@code err} why the file cannot be read.
   */
  public static PintuConfig load(List<String> args, PrintStream err) {
    String named = System.getenv("PINTU_CONFIG");
    for (int i = 0; i < args.size(); i++) {
      if (!args.get(i).equals("--config")) continue;
      if (i + 1 >= args.size()) {
        err.println("--config needs the path of a configuration file, e.g. --config /etc/pintu/pintu.yaml.");
        return null;
      }
      named = args.get(i + 1);
    }
    String file = named == null ? "config/pintu.yaml" : named;
    try {
      // A file the admin named must exist; the default may be missing (then defaults and the environment).
      return ConfigLoader.load(Path.of(file), System.getenv(), named != null);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return null;
    } catch (Exception e) {
      err.println("The configuration file " + file + " cannot be read (" + ConfigLoader.firstLine(e.getMessage()) + "): fix it or set PINTU_CONFIG to another file.");
      return null;
    }
  }
}
