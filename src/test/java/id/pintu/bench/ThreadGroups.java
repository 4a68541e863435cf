package id.pintu.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bot's CPU over a phase by thread group (threads named alike: "pintu-lane-0".."-3" are one
 * group), per timed step. It shows where a change took or saved CPU when the whole process's
 * figure moves less than the machine's run-to-run drift.
 */
final class ThreadGroups {
  private static final String CALL = "OkHttp http";

  private ThreadGroups() {}

  /**
   * Remembers each thread's own name from a snapshot. OkHttp renames a thread after the call
   * it is running ("OkHttp http://..."); a busy sender worker may carry that name in both
   * snapshots, so the driver looks every now and then.
   */
  static void learnNames(Map<Long, ChildProcess.ThreadCpu> snapshot, Map<Long, String> names) {
    snapshot.forEach((tid, t) -> {
      if (!t.name().startsWith(CALL)) names.putIfAbsent(tid, t.name());
    });
  }

  /** The {@code top} groups by CPU between two snapshots, e.g. "pintu-lane 232 (11), ...". */
  static String table(Map<Long, ChildProcess.ThreadCpu> before, Map<Long, ChildProcess.ThreadCpu> after, Map<Long, String> names,
                      long steps, int top) {
    Map<String, double[]> groups = new HashMap<>();
    after.forEach((tid, now) -> {
      ChildProcess.ThreadCpu then = before.get(tid);
      double user = now.user() - (then == null ? 0 : then.user());
      double system = now.system() - (then == null ? 0 : then.system());
      double[] g = groups.computeIfAbsent(group(names.getOrDefault(tid, then == null ? now.name() : then.name()), now.name()), k -> new double[2]);
      g[0] += user + system;
      g[1] += system;
    });
    List<Map.Entry<String, double[]>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, double[]> e : sorted.subList(0, Math.min(top, sorted.size()))) {
      if (out.length() > 0) out.append(", ");
      out.append(String.format(Locale.ROOT, "%s %.0f (%.0f)", e.getKey(), e.getValue()[0] / steps * 1e6, e.getValue()[1] / steps * 1e6));
    }
    return out.toString();
  }

  /** A thread's group, from its name as first known (the other name when that is a call's). */
  static String group(String first, String second) {
    String name = first.startsWith(CALL) ? second : first;
    if (name.startsWith(CALL)) return "OkHttp call";
    // Linux keeps 15 characters of a thread's name; drop a trailing number ("-3", "#1", " 12").
    return name.replaceAll("[-#_ ]?\\d+$", "").trim();
  }
}
