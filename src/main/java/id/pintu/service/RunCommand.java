package id.pintu.service;

import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import id.pintu.safety.CrisisScreens;
import id.pintu.safety.Lexicon;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code pintu run}: starts the service and keeps it running until the process is stopped. */
public final class RunCommand {
  private RunCommand() {}

  /** Returns an exit code when the service cannot start; otherwise blocks until shutdown. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    String file = System.getenv().getOrDefault("PINTU_CONFIG", "config/pintu.yaml");
    for (int i = 0; i < args.size() - 1; i++) if (args.get(i).equals("--config")) file = args.get(i + 1);
    PintuConfig cfg;
    try {
      cfg = ConfigLoader.load(Path.of(file), System.getenv());
    } catch (Exception e) {
      err.println("The configuration file " + file + " cannot be read (" + firstLine(e.getMessage()) + "): fix it or set PINTU_CONFIG to another file.");
      return 2;
    }
    PintuService service;
    try {
      service = PintuService.start(cfg, CrisisScreens.forDialogs(Path.of(cfg.dialogs().dir())), Clock.systemUTC());
    } catch (StartupProblem p) {
      err.println(p.getMessage());
      return 2;
    } catch (Lexicon.LexiconException e) {
      err.println("The crisis lexicon in " + cfg.dialogs().dir() + " has problems (" + String.join("; ", e.problems())
          + "): fix it, and try it with 'java -jar target/pintu.jar screen --lexicon <file>'.");
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "pintu-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static String firstLine(String m) {
    if (m == null) return "unknown error";
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
