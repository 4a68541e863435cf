package id.pintu.service;

import id.pintu.config.CommandConfig;
import id.pintu.config.PintuConfig;
import id.pintu.safety.CrisisScreens;
import id.pintu.safety.Examples;
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
    PintuConfig cfg = CommandConfig.load(args, err);
    if (cfg == null) return 2;
    PintuService service;
    try {
      service = PintuService.start(cfg, CrisisScreens.forService(Path.of(cfg.dialogs().dir())), Clock.systemUTC());
    } catch (StartupProblem p) {
      err.println(p.getMessage());
      return 2;
    } catch (Lexicon.LexiconException e) {
      err.println("The crisis lexicon in " + cfg.dialogs().dir() + " has problems (" + String.join("; ", e.problems())
          + "): fix it, and try it with 'java -jar target/pintu.jar screen --lexicon <file>'.");
      return 2;
    } catch (Examples.ExamplesException e) {
      err.println("The crisis examples in " + cfg.dialogs().dir() + " have problems (" + String.join("; ", e.problems())
          + "): fix them, and try them with 'java -jar target/pintu.jar screen --examples <file> --eval <your messages>'.");
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
}
