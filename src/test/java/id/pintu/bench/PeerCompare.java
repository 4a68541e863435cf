package id.pintu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.testing.botapi.BotApiDouble;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.RecordedCall;
import id.pintu.testing.botapi.SentMessage;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Pintu against a peer: the same first contact on grammY ({@code bench/peer/}), each bot in
 * its own child process, one after the other, against a fresh Bot API double on loopback,
 * both over long polling. A {@code main} run by {@code bench/compare.sh}, never by
 * {@code mvn test}.
 *
 * <p>Per bot: start-up (spawn → first {@code getUpdates}); the scripted check (every
 * conversation of {@code bench/peer/first-contact-check.json} once); 10,000 families open
 * a conversation ({@code /start}), peak RSS read then; latency at a fixed rate with think
 * time; saturation with no think time (closed loop), CPU read over it. Every reply in every
 * phase is checked (text and buttons); a bot with a wrong, missing or extra reply fails.
 * Under each phase, the bot's CPU by thread group per timed step ({@link ThreadGroups}, from
 * {@code /proc}): where a change saved CPU shows there even when the machine's drift hides
 * it in the totals.
 *
 * <p>Arguments {@code key=value}: {@code bots} (default {@code pintu,grammy-file,grammy-memory}),
 * {@code rate}, {@code rateSeconds}, {@code warmupSeconds}, {@code thinkMinMs}, {@code thinkMaxMs},
 * {@code saturationSeconds}, {@code concurrency}, {@code openFamilies}, {@code pintuJvm}, {@code pintuStoreSettings} (appended to the H2 URL, e.g. {@code ;CACHE_SIZE=32768}),
 * {@code record} (write the replies Pintu gives into the check file instead of checking),
 * {@code interleave} (instead of the table: N rounds of saturated windows, the bots in turns,
 * read by {@link InterleavedRounds}; with {@code settleSeconds}, {@code windowSeconds}).
 */
public final class PeerCompare {
  private static final String TOKEN = "123456:PEER-bench";
  private static final long PROBE_CHAT = 42L;

  private final Map<String, String> opts;
  private final ObjectMapper json = new ObjectMapper();
  private final ReplyCheck check = new ReplyCheck(json);
  private final Path root = Path.of("").toAbsolutePath();
  private final Path checkFile;
  private final Path outDir;
  private ScriptedConversations script;

  private PeerCompare(Map<String, String> opts) {
    this.opts = opts;
    this.checkFile = root.resolve(opt("check", "bench/peer/first-contact-check.json"));
    this.outDir = root.resolve(opt("out", "target/compare"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq > 0) opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    int code;
    try {
      code = new PeerCompare(opts).run();
    } catch (Throwable t) {
      t.printStackTrace();
      code = 1;
    }
    System.exit(code); // the shutdown hooks kill any child still running
  }

  private String opt(String key, String dflt) {
    return opts.getOrDefault(key, dflt);
  }

  private int intOpt(String key, int dflt) {
    return Integer.parseInt(opt(key, Integer.toString(dflt)));
  }

  private int run() throws Exception {
    Files.createDirectories(outDir);
    script = ScriptedConversations.read(json, checkFile);
    if (opts.containsKey("record")) return record();
    if (!script.complete()) throw new IllegalStateException(checkFile + " has steps without 'expect': record them first");
    System.out.printf(Locale.ROOT, "# %s  nproc=%d  load %s  java %s%n", Instant.now(),
        Runtime.getRuntime().availableProcessors(), load(), System.getProperty("java.version"));
    if (opts.containsKey("interleave")) return interleave();
    List<Row> rows = new ArrayList<>();
    boolean allPassed = true;
    for (String bot : opt("bots", "pintu,grammy-file,grammy-memory").split(",")) {
      Row r = measure(bot.trim());
      rows.add(r);
      allPassed &= r.passed();
    }
    printTable(rows);
    return allPassed ? 0 : 3;
  }

  // ---- one bot ----

  private record Row(String bot, String storage, boolean passed, String note, double startupS,
                     double updatesPerS, double p50, double p95, double p99, long latencyN, int rate,
                     double cpuPer10k, double rssOpen10kMb, double rssBaseMb, double hwmEndMb,
                     long conversations, long updates, long errors, String loadSeen) {}

  private Row measure(String bot) throws Exception {
    System.out.printf(Locale.ROOT, "%n## %s%n", bot);
    String load0 = load();
    try (Contender c = new Contender(bot)) {
      c.start();
      ChildProcess child = c.child;
      BotApiDouble api = c.api;
      double startup = c.startup;
      double rssBase = child.statusMb("VmRSS");

      Phase checked = c.check();
      if (checked.errors > 0 || checked.conversations != script.conversations().size()) {
        return failed(bot, startup, "scripted check failed: " + checked.firstErrors, load0);
      }
      int openFamilies = intOpt("openFamilies", 10_000);
      Phase open = c.open();
      double rssOpen = child.statusMb("VmHWM");
      int rate = intOpt("rate", 50);
      // 30 s before each measured window, the same for every bot: a service runs for days, and with
      // 5 s the 50/s window still held the JVM's compiler finishing its work (C2 3.4 ms of CPU per
      // update then, 1 ms at 30 s); the first minute's cost is the start-up line's, not the latency's.
      int warmup = intOpt("warmupSeconds", 30);
      Phase fixed = c.driver.phase("fixed rate", child, new PhaseSpec(0, rate, intOpt("thinkMinMs", 1_000), intOpt("thinkMaxMs", 3_000),
          Integer.MAX_VALUE, Long.MAX_VALUE, warmup, intOpt("rateSeconds", 40)), script::forFamily);
      Phase sat = c.saturate("saturation", warmup, intOpt("saturationSeconds", 30));
      double hwm = child.statusMb("VmHWM");
      // The same work on both sides shows in the calls: a reply per message, a spinner
      // stopped and the buttons taken away per accepted press (each accepted by the double).
      List<RecordedCall> answers = api.callsOf("answerCallbackQuery");
      System.out.printf(Locale.ROOT, "Bot API calls over the run: sendMessage %d, answerCallbackQuery %d (of them accepted %d; button presses %d), "
              + "editMessageReplyMarkup %d, getUpdates %d%n",
          api.callsOf("sendMessage").size(), answers.size(), answers.stream().filter(RecordedCall::ok).count(), api.buttonPresses(),
          api.callsOf("editMessageReplyMarkup").size(), api.callsOf("getUpdates").size());
      long errors = checked.errors + open.errors + fixed.errors + sat.errors;
      String note = errors == 0 ? (open.conversations < openFamilies ? "only " + open.conversations + " opened" : "")
          : errors + " wrong/missing replies: " + firstOf(open, fixed, sat);
      return new Row(bot, storage(bot), errors == 0, note, startup, sat.stepsPerS(),
          fixed.latency.pct(50), fixed.latency.pct(95), fixed.latency.pct(99), fixed.latency.size(), rate,
          sat.steps == 0 ? Double.NaN : sat.cpuSeconds / sat.steps * script.meanSteps() * 10_000,
          rssOpen, rssBase, hwm, sat.conversations, sat.steps, errors, load0 + " → " + load());
    }
  }

  /** One bot under test: its own Bot API double, driver, data folder and process. */
  private final class Contender implements AutoCloseable {
    final String bot;
    final Vertx vertx = Vertx.vertx();
    final BotApiDouble api;
    final Driver driver;
    final Path data;
    ChildProcess child;
    double startup;

    Contender(String bot) throws Exception {
      this.bot = bot;
      try {
        api = BotApiDouble.start(vertx, TOKEN, RateLimits.disabled())
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        data = Files.createTempDirectory("pintu-compare-" + bot);
      } catch (Exception e) {
        vertx.close(); // nothing else was made yet; close() is not reached for a half-built contender
        throw e;
      }
      driver = new Driver(api);
      api.onMessageSent(driver.arrivals::add);
    }

    /** Spawns the bot with a family's /start already waiting; returns once it was answered. */
    void start() throws Exception {
      api.sendText(PROBE_CHAT, "/start");
      long spawned = System.nanoTime();
      child = spawn(bot, api, data);
      startup = awaitFirstReply(api, child, spawned);
      driver.arrivals.clear();
      System.out.printf(Locale.ROOT, "start-up %.2f s (spawn to the first reply to a waiting /start), pid %d, log %s%n", startup, child.pid(), child.log());
    }

    /** The scripted check: every conversation once, every reply compared. */
    Phase check() throws Exception {
      return driver.phase("check", child, new PhaseSpec(script.conversations().size(), 0, 0, 0, Integer.MAX_VALUE,
          script.conversations().size(), 0, 60), n -> script.conversations().get((int) n));
    }

    /** {@code openFamilies} families (10,000) each open a conversation: one /start, 400 at once. */
    Phase open() throws Exception {
      int families = intOpt("openFamilies", 10_000);
      return driver.phase("open " + families, child, new PhaseSpec(intOpt("concurrency", 400), 0, 0, 0, 1,
          families, 0, intOpt("openSeconds", 150)), script::forFamily);
    }

    /** Closed loop with no think time; timed from {@code settleS} on for {@code measureS}. */
    Phase saturate(String name, int settleS, int measureS) throws Exception {
      return driver.phase(name, child, new PhaseSpec(intOpt("concurrency", 400), 0, 0, 0, Integer.MAX_VALUE,
          Long.MAX_VALUE, settleS, measureS), script::forFamily);
    }

    @Override
    public void close() throws Exception {
      try {
        if (child != null) child.close();
      } finally {
        api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        deleteTree(data);
      }
    }
  }

  // ---- interleaved saturation: the bots in turns, the machine's drift cancelled ----

  /**
   * {@code interleave=N}: every bot started, checked, 10,000 conversations opened (as for
   * the main table), saturated {@code warmupSeconds} (default 90) unmeasured; then N rounds
   * in which each bot in turn (the order reversed every other round) gets a saturated window
   * ({@code settleSeconds} unmeasured, {@code windowSeconds} measured) while the others wait
   * idle. Prints the rounds and their reading. All bots run at once here (each with its own
   * double), so memory is not measured in this mode.
   */
  private int interleave() throws Exception {
    int rounds = intOpt("interleave", 5);
    List<String> bots = Arrays.stream(opt("bots", "pintu,grammy-file").split(",")).map(String::trim).toList();
    // 90 s: after the 10,000 opened and 30 or 60 s saturated, Pintu's JIT compiler still took
    // ~300 µs of CPU per update in the first windows (~30 from then on). The main table's
    // saturation phase, too, comes after the 10,000 and ~2 minutes of load.
    int warmup = intOpt("warmupSeconds", 90);
    int settle = intOpt("settleSeconds", 3);
    int window = intOpt("windowSeconds", 15);
    InterleavedRounds result = new InterleavedRounds();
    Map<String, Contender> running = new LinkedHashMap<>();
    String load0 = load();
    try {
      for (String bot : bots) {
        System.out.printf(Locale.ROOT, "%n## %s%n", bot);
        Contender c = new Contender(bot);
        running.put(bot, c);
        c.start();
        Phase checked = c.check();
        if (checked.errors > 0 || checked.conversations != script.conversations().size()) {
          System.out.println("FAILED: scripted check failed: " + checked.firstErrors);
          return 3;
        }
        // The same state as the main table's saturation phase: 10,000 conversations open in the store.
        Phase open = c.open();
        Phase warm = c.saturate("warm-up", warmup, 0);
        if (open.errors + warm.errors > 0) {
          // Unmeasured is not unchecked: a bot that answers wrongly while warming up fails here too.
          System.out.println("FAILED: " + bot + " gave wrong or missing replies before the rounds: " + firstOf(open, warm));
          return 3;
        }
      }
      for (int r = 1; r <= rounds; r++) {
        for (String bot : InterleavedRounds.order(bots, r)) {
          // The waiting bots' own CPU meanwhile (timers, idle polls): what they took from the measured one.
          Map<String, Double> idle0 = new LinkedHashMap<>();
          for (Map.Entry<String, Contender> e : running.entrySet()) {
            if (!e.getKey().equals(bot)) idle0.put(e.getKey(), e.getValue().child.cpuSeconds());
          }
          Phase p = running.get(bot).saturate("round " + r + " " + bot, settle, window);
          StringBuilder idle = new StringBuilder();
          for (Map.Entry<String, Double> e : idle0.entrySet()) {
            idle.append(String.format(Locale.ROOT, " %s %.2f s", e.getKey(), running.get(e.getKey()).child.cpuSeconds() - e.getValue()));
          }
          System.out.println("  CPU of the waiting bots over the window and its settling:" + idle);
          result.add(new InterleavedRounds.Window(r, bot, p.stepsPerS(),
              p.steps == 0 ? Double.NaN : p.cpuSeconds / p.steps * 1e6, p.errors));
        }
      }
    } finally {
      for (Contender c : running.values()) c.close();
    }
    System.out.printf(Locale.ROOT, "%n## Interleaved saturation (%s, nproc=%d, load %s → %s; %d rounds of %d s windows, %d s settling each, after %s opened and %d s warm-up; long polling, Bot API double on loopback)%n%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), load0, load(), rounds, window, settle, opt("openFamilies", "10000"), warmup);
    System.out.print(result.table(bots.get(0)));
    long errors = bots.stream().mapToLong(result::errors).sum();
    return errors == 0 ? 0 : 3;
  }

  private static String firstOf(Phase... phases) {
    for (Phase p : phases) if (!p.firstErrors.isEmpty()) return p.firstErrors.get(0);
    return "";
  }

  private Row failed(String bot, double startup, String why, String load0) {
    System.out.println("FAILED: " + why);
    return new Row(bot, storage(bot), false, why.lines().findFirst().orElse(why), startup, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 1, load0 + " → " + load());
  }

  private static String storage(String bot) {
    return switch (bot) {
      case "pintu" -> "H2 file (durable)";
      case "grammy-file" -> "@grammyjs/storage-file (durable)";
      case "grammy-memory" -> "in memory";
      default -> "?";
    };
  }

  private ChildProcess spawn(String bot, BotApiDouble api, Path data) throws IOException {
    Path log = outDir.resolve(bot + ".log");
    Map<String, String> env = new LinkedHashMap<>();
    int pollTimeout = intOpt("pollTimeoutSeconds", 10);
    if (bot.equals("pintu")) {
      Path jar = root.resolve(opt("pintuJar", "target/pintu.jar"));
      if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: run mvn package first");
      env.put("PINTU_TELEGRAM_TOKEN", TOKEN);
      env.put("PINTU_TELEGRAM_API_URL", api.baseUrl());
      env.put("PINTU_TELEGRAM_MODE", "polling");
      env.put("PINTU_TELEGRAM_POLL_TIMEOUT_SECONDS", Integer.toString(pollTimeout));
      env.put("PINTU_HTTP_HOST", "127.0.0.1");
      env.put("PINTU_HTTP_PORT", "0");
      env.put("PINTU_STORE_URL", "jdbc:h2:file:" + data.resolve("pintu").toAbsolutePath() + opt("pintuStoreSettings", ""));
      env.put("PINTU_DIALOGS_DIR", root.resolve("dialogs").toString());
      // The peer sends unthrottled and has no flood guard: neither may Pintu here.
      env.put("PINTU_SENDING_GLOBAL_PER_SECOND", "100000");
      env.put("PINTU_SENDING_PER_CHAT_PER_SECOND", "1000");
      env.put("PINTU_SENDING_PER_CHAT_BURST", "1000");
      env.put("PINTU_FLOOD_MESSAGES", "1000");
      env.put("PINTU_LOG_LEVEL", "WARN");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(Arrays.asList(opt("pintuJvm", "-Xms32m -Xmx256m -XX:+UseSerialGC").trim().split("\\s+")));
      cmd.addAll(List.of("-jar", jar.toString(), "run"));
      return ChildProcess.start(cmd, env, root, log);
    }
    Path peer = root.resolve("bench/peer");
    if (!Files.isDirectory(peer.resolve("node_modules"))) throw new IllegalStateException(peer + "/node_modules is missing: run npm ci there");
    env.put("PEER_TOKEN", TOKEN);
    env.put("PEER_API_ROOT", api.baseUrl());
    env.put("PEER_STORAGE", bot.endsWith("memory") ? "memory" : "file");
    env.put("PEER_DATA_DIR", data.toAbsolutePath().toString());
    env.put("PEER_DIALOGS", root.resolve("dialogs").toString());
    env.put("PEER_POLL_TIMEOUT", Integer.toString(pollTimeout));
    return ChildProcess.start(List.of(opt("node", "node"), "bot.js"), env, peer, log);
  }

  /**
   * Start-up: from spawning the bot to its first reply. A family's {@code /start} is waiting
   * at the double before the bot starts, so this is the time until a family is answered
   * (process start, store opened, first poll, first update handled cold).
   */
  private double awaitFirstReply(BotApiDouble api, ChildProcess child, long spawned) throws Exception {
    long until = spawned + TimeUnit.SECONDS.toNanos(90);
    ReplyCheck.Expected first = script.conversations().get(0).steps().get(0).expect() == null
        ? null : script.conversations().get(0).steps().get(0).expect().get(0);
    while (System.nanoTime() < until) {
      List<SentMessage> got = api.messagesTo(PROBE_CHAT);
      if (!got.isEmpty()) {
        double s = (System.nanoTime() - spawned) / 1e9;
        if (first != null) {
          String bad = check.mismatch(first, got.get(0).text(), got.get(0).replyMarkupJson());
          if (bad != null) throw new IllegalStateException("first reply to /start is wrong: " + bad);
        }
        Thread.sleep(1_000); // the rest of the probe's replies, kept out of the phases
        return s;
      }
      if (!child.alive()) throw new IllegalStateException("the bot exited during start-up; see " + child.log());
      Thread.sleep(2);
    }
    throw new IllegalStateException("no reply within 90 s of start; see " + child.log());
  }

  // ---- record mode: Pintu's replies become the expected ones ----

  private int record() throws Exception {
    Vertx vertx = Vertx.vertx();
    BotApiDouble api = BotApiDouble.start(vertx, TOKEN, RateLimits.disabled()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Path data = Files.createTempDirectory("pintu-record");
    String bot = opt("recordBot", "pintu");
    api.sendText(PROBE_CHAT, "/start");
    try (ChildProcess child = spawn(bot, api, data)) {
      awaitFirstReply(api, child, System.nanoTime());
      List<List<List<ReplyCheck.Expected>>> all = new ArrayList<>();
      long chat = 777_000_000L;
      for (ScriptedConversations.Conversation c : script.conversations()) {
        chat++;
        List<List<ReplyCheck.Expected>> perStep = new ArrayList<>();
        Map<String, Integer> buttons = new HashMap<>();
        int seen = 0;
        for (ScriptedConversations.Step s : c.steps()) {
          if (s.send() != null) api.sendText(chat, s.send());
          else api.pressButton(chat, buttons.getOrDefault(s.press(), 0), s.press());
          // Settled when nothing new came for a second.
          List<SentMessage> got;
          int before = seen;
          long quietSince = System.nanoTime();
          while (true) {
            got = api.messagesTo(chat);
            if (got.size() > seen) {
              seen = got.size();
              quietSince = System.nanoTime();
            }
            if (System.nanoTime() - quietSince > 1_000_000_000L && seen > before) break;
            if (System.nanoTime() - quietSince > 10_000_000_000L) break;
            Thread.sleep(20);
          }
          List<ReplyCheck.Expected> step = new ArrayList<>();
          for (SentMessage m : got.subList(before, seen)) {
            List<List<String>> b = check.buttons(m.replyMarkupJson());
            for (List<String> x : b) buttons.put(x.get(1), m.messageId());
            step.add(new ReplyCheck.Expected(m.text(), b));
          }
          perStep.add(step);
          System.out.printf(Locale.ROOT, "%s %s → %d replies%n", c.name(), s.send() != null ? s.send() : "[" + s.press() + "]", step.size());
        }
        all.add(perStep);
      }
      ScriptedConversations.writeRecorded(json, Path.of(opt("record", checkFile.toString())), script.source(), all);
      System.out.println("recorded into " + opt("record", checkFile.toString()));
      return 0;
    } finally {
      api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close();
      deleteTree(data);
    }
  }

  // ---- families walking the scripted conversations ----

  /**
   * What a phase does: {@code concurrency} families at once with no think time (closed loop),
   * or {@code rate} updates/s (open loop) with think time; each family stops after
   * {@code maxSteps}; at most {@code maxFamilies} start; timing from {@code warmupS} on for
   * {@code measureS} seconds (or, with a family limit, until all are done).
   */
  private record PhaseSpec(int concurrency, int rate, int thinkMinMs, int thinkMaxMs, int maxSteps,
                           long maxFamilies, int warmupS, int measureS) {}

  private static final class Phase {
    long steps;
    long conversations;
    long errors;
    double seconds;
    double cpuSeconds;
    double driverCpuSeconds;
    final Samples latency = new Samples(1_000_000);
    final List<String> firstErrors = new ArrayList<>();

    double stepsPerS() {
      return seconds == 0 ? Double.NaN : steps / seconds;
    }
  }

  private record Arrived(SentMessage message, long nanos) {}

  /** One family; touched only by the driver thread. */
  private static final class Family {
    final long chat;
    final ScriptedConversations.Conversation conversation;
    final Map<String, Integer> buttonMessage = new HashMap<>();
    int step;
    int reply;
    boolean waiting;
    long pushNanos;
    long waitingSince;
    boolean timed;

    Family(long chat, ScriptedConversations.Conversation conversation) {
      this.chat = chat;
      this.conversation = conversation;
    }

    ScriptedConversations.Step current() {
      return conversation.steps().get(step);
    }
  }

  private final class Driver {
    final BotApiDouble api;
    final ConcurrentLinkedQueue<SentMessage> arrivals = new ConcurrentLinkedQueue<>();
    long nextChat = 1_000_000_000L;

    Driver(BotApiDouble api) {
      this.api = api;
    }

    Phase phase(String name, ChildProcess child, PhaseSpec spec, LongFunction<ScriptedConversations.Conversation> pick) throws Exception {
      Phase p = new Phase();
      Map<Long, Family> families = new HashMap<>();
      ArrayDeque<Family> ready = new ArrayDeque<>();
      PriorityQueue<Object[]> thinking = new PriorityQueue<>((x, y) -> Long.compare((Long) x[0], (Long) y[0]));
      arrivals.clear();
      long started = 0;
      long t0 = System.nanoTime();
      long wall0 = System.currentTimeMillis();
      long measureFrom = t0 + TimeUnit.SECONDS.toNanos(spec.warmupS());
      long end = measureFrom + TimeUnit.SECONDS.toNanos(spec.measureS());
      boolean bounded = spec.maxFamilies() != Long.MAX_VALUE;
      double cpu0 = Double.NaN;
      double driverCpu0 = Double.NaN;
      Map<Long, ChildProcess.ThreadCpu> threads0 = Map.of();
      Map<Long, String> threadNames = new HashMap<>();
      long lastNames = t0;
      long intervalNs = spec.rate() > 0 ? 1_000_000_000L / spec.rate() : 0;
      long nextIssue = t0;
      long lastScan = t0;
      ThreadLocalRandom rnd = ThreadLocalRandom.current();
      String load0 = load();
      while (true) {
        long now = System.nanoTime();
        if (Double.isNaN(cpu0) && now >= measureFrom) {
          cpu0 = child.cpuSeconds();
          driverCpu0 = ownCpuSeconds();
          threads0 = child.threadCpu();
          ThreadGroups.learnNames(threads0, threadNames);
        }
        if (!threads0.isEmpty() && now - lastNames > 500_000_000L) {
          ThreadGroups.learnNames(child.threadCpu(), threadNames);
          lastNames = now;
        }
        if (now >= end && !bounded) break;
        if (bounded && started >= spec.maxFamilies() && families.isEmpty()) break;
        if (bounded && now >= end) {
          // Too slow is a figure, not a failure: the families still waiting are checked in drain().
          System.out.printf(Locale.ROOT, "  phase %s stopped after %d s with %d families still waiting%n", name, spec.measureS(), families.size());
          break;
        }
        if (!child.alive()) {
          error(p, "the bot process died; see " + child.log());
          break;
        }
        for (SentMessage m; (m = arrivals.poll()) != null; ) {
          Family f = families.get(m.chatId());
          if (f == null || !f.waiting) {
            error(p, "unexpected message to chat " + m.chatId() + ": " + abbreviate(m.text()));
            continue;
          }
          ScriptedConversations.Step s = f.current();
          if (f.reply >= s.expect().size()) {
            error(p, f.conversation.name() + " step " + f.step + ": more replies than " + s.expect().size());
            continue;
          }
          String bad = check.mismatch(s.expect().get(f.reply), m.text(), m.replyMarkupJson());
          if (bad != null) {
            error(p, f.conversation.name() + " step " + f.step + " reply " + f.reply + ": " + bad);
            families.remove(f.chat);
            continue;
          }
          if (f.reply == 0 && f.timed) p.latency.add(System.nanoTime() - f.pushNanos, f.pushNanos);
          for (List<String> b : check.buttons(m.replyMarkupJson())) f.buttonMessage.put(b.get(1), m.messageId());
          if (++f.reply < s.expect().size()) continue;
          f.waiting = false;
          if (f.timed && now >= measureFrom && now < end) p.steps++;
          f.step++;
          f.reply = 0;
          if (f.step >= f.conversation.steps().size() || f.step >= spec.maxSteps()) {
            families.remove(f.chat);
            if ((now >= measureFrom && now < end) || bounded) p.conversations++;
          } else if (spec.thinkMaxMs() > 0) {
            thinking.add(new Object[] {now + TimeUnit.MILLISECONDS.toNanos(rnd.nextInt(spec.thinkMinMs(), spec.thinkMaxMs() + 1)), f});
          } else {
            ready.add(f);
          }
        }
        while (!thinking.isEmpty() && (Long) thinking.peek()[0] <= now) ready.add((Family) thinking.poll()[1]);
        if (spec.rate() > 0) {
          while (nextIssue <= now) {
            nextIssue += intervalNs;
            Family f = ready.poll();
            if (f == null) {
              f = new Family(nextChat++, pick.apply(started++));
              families.put(f.chat, f);
            }
            issue(p, f, now >= measureFrom);
          }
        } else {
          for (Family f; (f = ready.poll()) != null; ) issue(p, f, now >= measureFrom);
          while (families.size() < spec.concurrency() && started < spec.maxFamilies() && now < end) {
            Family f = new Family(nextChat++, pick.apply(started++));
            families.put(f.chat, f);
            issue(p, f, now >= measureFrom);
          }
        }
        if (now - lastScan > 1_000_000_000L) {
          lastScan = now;
          List<Long> stuck = new ArrayList<>();
          for (Family f : families.values()) if (f.waiting && now - f.waitingSince > TimeUnit.SECONDS.toNanos(20)) stuck.add(f.chat);
          for (Long c : stuck) {
            Family f = families.remove(c);
            error(p, f.conversation.name() + " step " + f.step + ": reply " + f.reply + " of " + f.current().expect().size()
                + " not received within 20 s (want: " + abbreviate(f.current().expect().get(f.reply).text()) + ")");
          }
        }
        if (spec.rate() > 0) {
          long sleep = Math.min(nextIssue - System.nanoTime(), 1_000_000L);
          if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
        } else if (arrivals.isEmpty()) {
          Thread.sleep(0, 200_000);
        }
      }
      long t1 = Math.min(System.nanoTime(), end);
      p.seconds = Math.max(0, (t1 - Math.max(t0, measureFrom)) / 1e9);
      p.cpuSeconds = child.alive() ? child.cpuSeconds() - (Double.isNaN(cpu0) ? 0 : cpu0) : Double.NaN;
      Map<Long, ChildProcess.ThreadCpu> threads1 = child.alive() ? child.threadCpu() : Map.of();
      p.driverCpuSeconds = ownCpuSeconds() - (Double.isNaN(driverCpu0) ? 0 : driverCpu0);
      if (bounded) p.seconds = (System.nanoTime() - t0) / 1e9;
      // Replies still on their way would be counted as unexpected in the next phase.
      drain(families, p);
      if (!opt("samples", "").isEmpty()) {
        // samples=DIR: each latency with its push time, one file per bot and phase, to line up with a GC or trace log.
        Files.createDirectories(root.resolve(opt("samples", "")));
        p.latency.write(root.resolve(opt("samples", "")).resolve(child.log().getFileName() + "." + name.replace(' ', '-') + ".txt"), t0, wall0);
      }
      System.out.printf(Locale.ROOT, "%-12s %6.1f s  families %d  conversations done %d  steps timed %d (%.0f/s)  latency n=%d p50=%.1f p95=%.1f p99=%.1f ms  cpu %.1f s (driver and double %.1f s)  errors %d  load %s → %s%n",
          name, p.seconds, started, p.conversations, p.steps, p.stepsPerS(), p.latency.size(), p.latency.pct(50), p.latency.pct(95),
          p.latency.pct(99), p.cpuSeconds, p.driverCpuSeconds, p.errors, load0, load());
      for (String e : p.firstErrors) System.out.println("  ! " + e);
      if (!threads0.isEmpty() && p.steps > 0) System.out.println("  cpu by thread group, µs per timed step (system): " + ThreadGroups.table(threads0, threads1, threadNames, p.steps, 10));
      return p;
    }

    /** Lets the replies to updates already pushed arrive (and checks them), up to 30 s. */
    private void drain(Map<Long, Family> families, Phase p) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < until && families.values().stream().anyMatch(f -> f.waiting)) {
        for (SentMessage m; (m = arrivals.poll()) != null; ) {
          Family f = families.get(m.chatId());
          if (f == null || !f.waiting) continue;
          ScriptedConversations.Step s = f.current();
          String bad = f.reply < s.expect().size() ? check.mismatch(s.expect().get(f.reply), m.text(), m.replyMarkupJson()) : "extra reply";
          if (bad != null) {
            error(p, f.conversation.name() + " step " + f.step + " reply " + f.reply + ": " + bad);
            f.waiting = false;
          } else if (++f.reply >= s.expect().size()) {
            f.waiting = false;
          }
        }
        Thread.sleep(5);
      }
      Thread.sleep(300);
      arrivals.clear();
    }

    private void issue(Phase p, Family f, boolean timed) {
      ScriptedConversations.Step s = f.current();
      f.waiting = true;
      f.reply = 0;
      f.timed = timed;
      f.pushNanos = System.nanoTime();
      f.waitingSince = f.pushNanos;
      if (s.send() != null) {
        api.sendText(f.chat, s.send());
      } else {
        Integer msg = f.buttonMessage.get(s.press());
        if (msg == null) {
          error(p, f.conversation.name() + " step " + f.step + ": no message carries the button " + s.press());
          f.waiting = false;
          return;
        }
        api.pressButton(f.chat, msg, s.press());
      }
    }

    private void error(Phase p, String what) {
      p.errors++;
      if (p.firstErrors.size() < 5) p.firstErrors.add(what);
    }
  }

  // ---- the table ----

  private void printTable(List<Row> rows) {
    System.out.printf(Locale.ROOT, "%n## Result (%s, nproc=%d, load now %s; long polling on both sides, Bot API double on loopback)%n%n",
        Instant.now(), Runtime.getRuntime().availableProcessors(), load());
    System.out.println("| bot | storage | check | updates/s saturated | p50 / p95 / p99 ms update → first reply, fixed rate | CPU s per 10k conversations (" + String.format(Locale.ROOT, "%.1f", script.meanSteps()) + " updates each) | RSS MB idle → peak with 10k open (growth) | peak RSS MB at end | start-up s | load |");
    System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
    for (Row r : rows) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.1f / %.1f / %.1f (%d/s, n=%d) | %.1f | %.0f → %.0f (+%.0f) | %.0f | %.2f | %s |%n",
          r.bot(), r.storage(), r.passed() ? "pass" : "**FAIL** " + r.note(), r.updatesPerS(), r.p50(), r.p95(), r.p99(), r.rate(),
          r.latencyN(), r.cpuPer10k(), r.rssBaseMb(), r.rssOpen10kMb(), r.rssOpen10kMb() - r.rssBaseMb(), r.hwmEndMb(), r.startupS(), r.loadSeen());
    }
    Row pintu = rows.stream().filter(r -> r.bot().equals("pintu")).findFirst().orElse(null);
    Row peer = rows.stream().filter(r -> r.bot().equals("grammy-file")).findFirst().orElse(null);
    if (pintu != null && peer != null && pintu.passed() && peer.passed()) {
      System.out.printf(Locale.ROOT, "%nPintu / grammY (both durable): saturated updates/s x%.2f (target ≥ 3); p99 %.1f vs %.1f ms (target: no worse); "
              + "peak RSS with 10k open %.0f vs %.0f MB (growth %.0f vs %.0f MB); CPU per 10k conversations %.1f vs %.1f s%n",
          pintu.updatesPerS() / peer.updatesPerS(), pintu.p99(), peer.p99(), pintu.rssOpen10kMb(), peer.rssOpen10kMb(),
          pintu.rssOpen10kMb() - pintu.rssBaseMb(), peer.rssOpen10kMb() - peer.rssBaseMb(),
          pintu.cpuPer10k(), peer.cpuPer10k());
      System.out.println("One run each, minutes apart: the machine's drift moves the ratio by a fifth either way; "
          + "`bench/compare.sh interleave=5` takes the saturated windows in turns and reads the ratio within each round.");
    }
  }

  // ---- helpers ----

  private static String load() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String abbreviate(String s) {
    if (s == null) return "null";
    String one = s.replace("\n", "\\n");
    return one.length() <= 100 ? one : one.substring(0, 97) + "...";
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  /** Latency samples in nanoseconds; percentiles in milliseconds. */
  private static final class Samples {
    private final long[] values;
    private final long[] at;
    private int size;

    Samples(int capacity) {
      values = new long[capacity];
      at = new long[capacity];
    }

    void add(long nanos, long atNanos) {
      if (size < values.length) {
        at[size] = atNanos;
        values[size++] = nanos;
      }
    }

    int size() {
      return size;
    }

    /**
     * Each sample as "push time (epoch seconds), latency ms", to line the tail up with a log
     * of the bot's (e.g. {@code -Xlog:gc:file=gc.log:uptimemillis,timemillis}).
     */
    void write(Path file, long t0, long wall0Millis) throws IOException {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < size; i++) {
        b.append(String.format(Locale.ROOT, "%.3f %.2f%n", (wall0Millis + (at[i] - t0) / 1e6) / 1e3, values[i] / 1e6));
      }
      Files.writeString(file, b);
    }

    double pct(double p) {
      if (size == 0) return Double.NaN;
      long[] copy = Arrays.copyOf(values, size);
      Arrays.sort(copy);
      int idx = (int) Math.ceil(p / 100.0 * size) - 1;
      return copy[Math.max(0, Math.min(size - 1, idx))] / 1e6;
    }
  }

  /** CPU time of this process (the driver and the Bot API double), for the reading of each phase. */
  private static double ownCpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
  }

}
