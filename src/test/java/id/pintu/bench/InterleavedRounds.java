package id.pintu.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Saturated windows of several bots taken in turns (round 1: a, b; round 2: b, a; ...), and
 * their reading. On these VMs the same code's CPU per update moves by a third within twenty
 * minutes, so one bot's window now against another's five minutes later compares the machine
 * as much as the bots; the ratio of two windows side by side in the same round does not, and
 * its median over the rounds is the figure to quote.
 */
final class InterleavedRounds {
  /** One bot's measured window in one round; {@code errors} are wrong or missing replies. */
  record Window(int round, String bot, double updatesPerS, double cpuMicrosPerUpdate, long errors) {}

  private final List<Window> windows = new ArrayList<>();

  void add(Window w) {
    windows.add(w);
  }

  /** The bots in the order they were first measured. */
  List<String> bots() {
    Set<String> seen = new LinkedHashSet<>();
    for (Window w : windows) seen.add(w.bot());
    return List.copyOf(seen);
  }

  /** The order of the bots in round {@code round} (from 1): as given, then reversed, in turn. */
  static List<String> order(List<String> bots, int round) {
    List<String> o = new ArrayList<>(bots);
    if (round % 2 == 0) java.util.Collections.reverse(o);
    return o;
  }

  /** A bot's updates/s in each of its clean rounds. */
  List<Double> rates(String bot) {
    return windows.stream().filter(w -> w.bot().equals(bot) && clean(w)).map(Window::updatesPerS).toList();
  }

  /**
   * {@code reference}'s updates/s over {@code bot}'s, per round in which both windows were
   * clean (every reply right, something measured).
   */
  List<Double> ratios(String reference, String bot) {
    List<Double> r = new ArrayList<>();
    for (Window a : windows) {
      if (!a.bot().equals(reference) || !clean(a)) continue;
      for (Window b : windows) {
        if (b.round() == a.round() && b.bot().equals(bot) && clean(b)) r.add(a.updatesPerS() / b.updatesPerS());
      }
    }
    return r;
  }

  long errors(String bot) {
    return windows.stream().filter(w -> w.bot().equals(bot)).mapToLong(Window::errors).sum();
  }

  /** A markdown table: per bot its rounds, updates/s, CPU per update and {@code reference}'s ratio to it. */
  String table(String reference) {
    StringBuilder b = new StringBuilder();
    b.append("| bot | clean rounds | updates/s saturated, median (min–max) | CPU µs per update, median | ")
        .append(reference).append(" / bot, median of the rounds' ratios (min–max) | wrong or missing replies |\n");
    b.append("|---|---:|---:|---:|---:|---:|\n");
    for (String bot : bots()) {
      List<Double> rates = rates(bot);
      List<Double> cpu = windows.stream().filter(w -> w.bot().equals(bot) && clean(w))
          .map(Window::cpuMicrosPerUpdate).filter(c -> !Double.isNaN(c)).toList();
      List<Double> ratios = bot.equals(reference) ? List.of() : ratios(reference, bot);
      b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d |%n", bot, rates.size(),
          spread(rates, "%.0f"), cpu.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f", median(cpu)),
          bot.equals(reference) ? "—" : ratios.isEmpty() ? "no clean pair" : spread(ratios, "%.2f"), errors(bot)));
    }
    return b.toString();
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) return Double.NaN;
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  private static String spread(List<Double> values, String format) {
    if (values.isEmpty()) return "—";
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(values), min, max);
  }

  private static boolean clean(Window w) {
    return w.errors() == 0 && w.updatesPerS() > 0 && !Double.isNaN(w.updatesPerS());
  }
}
