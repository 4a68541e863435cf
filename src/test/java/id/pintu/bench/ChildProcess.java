package id.pintu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A bot under test in its own process, with its output in a log file, and its CPU time and
 * resident memory read from {@code /proc}. Killed on {@link #close()} and, should the driver
 * die first, by a shutdown hook.
 */
final class ChildProcess implements AutoCloseable {
  private static final long CLOCK_TICKS = clockTicks();

  private final Process process;
  private final Path log;
  private final Thread hook;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.hook = new Thread(this::kill, "kill-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts {@code command}; its pid is also written to {@code <log>.pid} (removed on close), so
   * that {@code bench/compare.sh} can still end it if this JVM is killed without its hooks.
   */
  static ChildProcess start(List<String> command, Map<String, String> env, Path dir, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    pb.environment().putAll(env);
    ChildProcess child = new ChildProcess(pb.start(), log);
    Files.writeString(child.pidFile(), Long.toString(child.pid()));
    return child;
  }

  private Path pidFile() {
    return log.resolveSibling(log.getFileName() + ".pid");
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  /** User + system CPU seconds of the process so far (its threads included). */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    // Fields after the command name (which may hold spaces) start after the last ')'.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    return (utime + stime) / (double) CLOCK_TICKS;
  }

  /** One thread's CPU so far: its name then, user and system seconds. */
  record ThreadCpu(String name, double user, double system) {}

  /** CPU so far of each live thread of the process, by thread id (empty where /proc cannot be read). */
  Map<Long, ThreadCpu> threadCpu() {
    Map<Long, ThreadCpu> out = new java.util.HashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid() + "/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
          out.put(Long.parseLong(t.getFileName().toString()),
              new ThreadCpu(name, Long.parseLong(f[11]) / (double) CLOCK_TICKS, Long.parseLong(f[12]) / (double) CLOCK_TICKS));
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  /** A {@code /proc/<pid>/status} field in MB, e.g. {@code VmHWM} (peak resident) or {@code VmRSS}. */
  double statusMb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        String[] p = line.substring(field.length() + 1).trim().split("\\s+");
        return Long.parseLong(p[0]) / 1024.0; // kB
      }
    }
    throw new IOException(field + " not in /proc/" + pid() + "/status");
  }

  /** SIGTERM, a few seconds' grace, then SIGKILL. */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs anyway
    }
  }

  private void kill() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException ignored) {
      // only a hint for compare.sh
    }
    if (!process.isAlive()) return;
    process.destroy();
    try {
      if (!process.waitFor(8, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (Exception e) {
      return 100; // Linux's usual USER_HZ
    }
  }
}
