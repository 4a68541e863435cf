package id.pintu.store;

import id.pintu.config.CommandConfig;
import id.pintu.config.PintuConfig;
import java.io.PrintStream;
import java.util.List;

/** {@code pintu rekey}: re-seals stored values under the current key (same configuration and environment as {@code run}). */
public final class RekeyCommand {
  private RekeyCommand() {}

  public static int run(List<String> args, PrintStream out, PrintStream err) {
    PintuConfig cfg = CommandConfig.load(args, err);
    if (cfg == null) return 2;
    return run(cfg, out, err);
  }

  static int run(PintuConfig cfg, PrintStream out, PrintStream err) {
    try (Database db = Database.open(cfg.store(), Keys.load(cfg.encryption(), cfg.store()))) {
      Rekey.Report r = Rekey.run(db);
      out.println("Re-sealed " + r.total() + " values with key '" + db.cipher().keys().currentId() + "'.");
      r.rewritten().forEach((col, n) -> {
        if (n > 0) out.println("  " + col.label() + ": " + n);
      });
      r.unreadable().forEach((col, n) -> {
        if (n > 0) err.println("  " + col.label() + ": " + n + " values cannot be opened (altered, or their key is not loaded); left as they are");
      });
      for (String id : r.retired()) out.println("Key '" + id + "' is no longer used: you may remove it from PINTU_ENCRYPTION_OLD_KEYS.");
      return r.unreadable().values().stream().anyMatch(n -> n > 0) ? 1 : 0;
    } catch (KeyProblem e) {
      err.println(e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("The store at " + cfg.store().url() + " cannot be rekeyed (" + e.getMessage() + "): check store.url and that the database is running.");
      return 2;
    }
  }
}
