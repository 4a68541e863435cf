package id.pintu.bench;

import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import id.pintu.safety.CrisisScreens;
import id.pintu.service.PintuService;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import id.pintu.testing.botapi.BotApiDouble;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Load driver for the Telegram service (a {@code main}, never run by {@code mvn test}).
 * Starts the Bot API double (rate limits off) and the real service in this JVM, on an H2
 * file in a temporary folder, over loopback, and measures:
 *
 * <ol>
 *   <li><b>saturation</b>: families' first-contact updates pushed as fast as the service
 *       takes them (the double's queue kept below a bound); updates/s until every pushed
 *       update is stored and processed (inbox backlog 0, dispatcher count reached);</li>
 *   <li><b>latency at a fixed rate</b> (500 updates/s by default): families walk the whole
 *       first contact with think time, waiting for the bot's question before answering;
 *       p50/p99 of update pushed → effects committed (the reply is in the outbox and the
 *       sender woken), and of update pushed → first bot message accepted by the double;</li>
 *   <li><b>heap per 10,000 live sessions</b>: 10,000 new families say /start; the session
 *       cache's share is measured by evicting those sessions (GC before and after), and the
 *       whole-JVM growth (service + the double's own records) is given as an upper bound.</li>
 * </ol>
 *
 * <p>Arguments: {@code polling|webhook} (default polling), then {@code key=value}:
 * {@code saturationFamilies}, {@code saturationSeconds}, {@code rate}, {@code rateSeconds},
 * {@code warmupSeconds}, {@code thinkMinMs}, {@code thinkMaxMs}, {@code heapSessions},
 * {@code phases} (any of {@code a,b,c}), {@code store} ({@code h2} or {@code postgres}: a fresh
 * schema on the test PostgreSQL, see {@code TestStore}), {@code nodes} (webhook only: that many
 * services in this JVM on the one store, each update delivered to one of them at random, as
 * behind a load balancer), {@code connections} (webhook deliveries in flight at once, one per
 * chat, like Telegram's {@code max_connections}; 0 = the double's one-at-a-time delivery).
 */
public final class ServiceLoadDriver {
  private static final String TOKEN = "123456:BENCH-token";
  private static final String[] SATURATION_TEXTS = {
      "/start", "ya", "Rina", "34", "Anak saya tidak mau sekolah", "Saya bingung harus bagaimana",
      "Anak saya susah diatur", "Anak-anak menangis"};

  private final Map<String, String> opts;
  private final boolean webhook;
  private Vertx vertx;
  private BotApiDouble api;
  private PintuService service;
  /** Every node; {@link #service} is the first. */
  private final List<PintuService> services = new ArrayList<>();
  private id.pintu.testing.TestStore pg;
  private Path dataDir;
  private final AtomicLong nextChat = new AtomicLong(1_000_000_000L);

  /**
   * update_id → time of the push (positive) or of the commit (negative), in nanoseconds
   * since {@link #epoch}: whichever side comes second takes the sample. An update can be
   * committed before the driver has even noted its id, so both orders happen.
   */
  private final Map<Long, Long> pushedAt = new ConcurrentHashMap<>();
  private final long epoch = System.nanoTime() - 1;
  private volatile boolean timing;
  private final Samples committed = new Samples(2_000_000);
  private final Samples firstReply = new Samples(2_000_000);
  private volatile java.util.function.Consumer<Arrived> arrivals;

  private ServiceLoadDriver(boolean webhook, Map<String, String> opts) {
    this.webhook = webhook;
    this.opts = opts;
  }

  public static void main(String[] args) throws Exception {
    boolean webhook = args.length > 0 && args[0].equalsIgnoreCase("webhook");
    Map<String, String> opts = new HashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq > 0) opts.put(a.substring(0, eq), a.substring(eq + 1));
    }
    ServiceLoadDriver d = new ServiceLoadDriver(webhook, opts);
    int code = 0;
    try {
      d.start();
      String phases = d.opt("phases", "abc");
      if (phases.contains("a")) d.saturation();
      if (phases.contains("b")) d.fixedRate();
      if (phases.contains("c")) d.heapPerSessions();
    } catch (Throwable t) {
      t.printStackTrace();
      code = 1;
    } finally {
      d.stop();
    }
    System.exit(code);
  }

  private String opt(String key, String dflt) {
    return opts.getOrDefault(key, dflt);
  }

  private int intOpt(String key, int dflt) {
    return Integer.parseInt(opt(key, Integer.toString(dflt)));
  }

  // ---- set up ----

  private void start() throws Exception {
    vertx = Vertx.vertx();
    api = BotApiDouble.start(vertx, TOKEN, RateLimits.disabled()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    api.onMessageSent(m -> {
      java.util.function.Consumer<Arrived> a = arrivals;
      if (a != null) a.accept(new Arrived(m, System.nanoTime()));
    });
    dataDir = Files.createTempDirectory("pintu-bench");
    Map<String, String> env = new HashMap<>();
    env.put("PINTU_TELEGRAM_TOKEN", TOKEN);
    env.put("PINTU_TELEGRAM_API_URL", api.baseUrl());
    env.put("PINTU_TELEGRAM_POLL_TIMEOUT_SECONDS", "1");
    env.put("PINTU_HTTP_HOST", "127.0.0.1");
    // h2=";WRITE_DELAY=0" etc. appends H2 settings (the default WRITE_DELAY is 500 ms).
    env.put("PINTU_STORE_URL", "jdbc:h2:file:" + dataDir.resolve("pintu").toAbsolutePath() + opt("h2", ""));
    if (opt("store", "h2").startsWith("p")) {
      pg = id.pintu.testing.TestStore.fresh(id.pintu.testing.TestStore.Kind.POSTGRES, dataDir);
      env.put("PINTU_STORE_URL", pg.url());
      env.put("PINTU_STORE_USER", pg.user());
      env.put("PINTU_STORE_PASSWORD", pg.password());
    }
    env.put("PINTU_DIALOGS_DIR", Path.of("src/test/resources/service-dialogs").toString());
    // The double enforces no limits here; the sender must not be the 30/s bottleneck either.
    env.put("PINTU_SENDING_GLOBAL_PER_SECOND", "100000");
    env.put("PINTU_SENDING_PER_CHAT_PER_SECOND", "1000");
    env.put("PINTU_SENDING_PER_CHAT_BURST", "1000");
    env.put("PINTU_SENDING_POLL_MILLIS", "50");
    env.put("PINTU_SESSIONS_CACHE_SIZE", "200000"); // no eviction while measuring the cache
    int nodes = webhook ? intOpt("nodes", 1) : 1;
    List<String> hooks = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      if (webhook) {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
          port = s.getLocalPort();
        }
        env.put("PINTU_HTTP_PORT", Integer.toString(port));
        env.put("PINTU_TELEGRAM_MODE", "webhook");
        env.put("PINTU_TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:" + port + "/telegram/webhook");
        env.put("PINTU_TELEGRAM_WEBHOOK_SECRET", "bench-secret");
        hooks.add("http://127.0.0.1:" + port + "/telegram/webhook");
      } else {
        env.put("PINTU_HTTP_PORT", "0");
      }
      PintuConfig cfg = ConfigLoader.load(Path.of("does-not-exist.yaml"), env);
      PintuService node = PintuService.start(cfg, CrisisScreens.forDialogs(Path.of(cfg.dialogs().dir())), Clock.systemUTC());
      services.add(node);
      node.dispatcher().afterProcessed(this::committedNow);
    }
    service = services.get(0);
    int connections = intOpt("connections", nodes > 1 ? 40 : 0);
    if (webhook && connections > 0) api.balanceWebhook(hooks, connections);
    System.out.printf(Locale.ROOT, "# Pintu service load driver: transport=%s, nproc=%d, maxHeap=%d MB, load %s, store %s, nodes %d, webhook connections %s%n",
        webhook ? "webhook" : "long polling", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, loadAverage(), pg != null ? "postgresql " + pg.url() : "H2 " + dataDir + opt("h2", ""),
        nodes, connections > 0 ? connections + " (at most one per chat)" : "1 (the double's sequential delivery)");
  }

  /** Processed updates over all nodes. */
  private long processed() {
    return services.stream().mapToLong(n -> n.dispatcher().processed()).sum();
  }

  /** Replies Telegram accepted, over all nodes (only the leader sends). */
  private long sent() {
    return services.stream().mapToLong(n -> n.sender().sent()).sum();
  }

  /** An update's effects are committed: the second of push and commit takes the sample. */
  private void committedNow(long id) {
    if (!timing) return;
    long done = System.nanoTime() - epoch;
    Long push = pushedAt.putIfAbsent(id, -done);
    if (push != null && push > 0) {
      pushedAt.remove(id);
      committed.add(done - push);
    }
  }

  private void stop() {
    try {
      for (PintuService n : services) n.close();
      if (pg != null) pg.close();
      if (api != null) api.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("stop: " + e);
    }
    if (vertx != null) vertx.close();
  }

  // ---- (a) saturation ----

  private void saturation() throws Exception {
    int families = intOpt("saturationFamilies", 8_000);
    int seconds = intOpt("saturationSeconds", 45);
    int batch = 500;
    int maxQueued = intOpt("maxQueued", 3_000);
    warmUp();
    long processed0 = processed();
    long sent0 = sent();
    String load0 = loadAverage();
    long t0 = System.nanoTime();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds);
    long pushed = 0;
    outer:
    for (int f = 0; f < families; f += batch) {
      long first = nextChat.getAndAdd(batch);
      for (String text : SATURATION_TEXTS) {
        for (int i = 0; i < batch; i++) {
          while (api.pendingUpdates() > maxQueued) {
            if (System.nanoTime() > deadline) break outer;
            Thread.sleep(1);
          }
          api.sendText(first + i, text);
          pushed++;
        }
      }
      if (System.nanoTime() > deadline) break;
    }
    long pushedAtNs = System.nanoTime();
    long waitUntil = pushedAtNs + TimeUnit.SECONDS.toNanos(30);
    long done;
    long backlog;
    while (true) {
      done = processed() - processed0;
      // Counting the inbox costs the store a query: only once the counter says all are done.
      backlog = done >= pushed ? new InboxStore(service.database()).backlog() : -1;
      if ((done >= pushed && backlog == 0 && api.pendingUpdates() == 0) || System.nanoTime() > waitUntil) break;
      Thread.sleep(5);
    }
    long t1 = System.nanoTime();
    double secs = (t1 - t0) / 1e9;
    double pushSecs = (pushedAtNs - t0) / 1e9;
    long sent = sent() - sent0;
    System.out.printf(Locale.ROOT, "%n## (a) saturation, %s%n", webhook ? "webhook" : "long polling");
    System.out.printf(Locale.ROOT, "pushed %d updates (%d families x %d) in %.1f s; all stored and processed after %.1f s%n",
        pushed, pushed / SATURATION_TEXTS.length, SATURATION_TEXTS.length, pushSecs, secs);
    System.out.printf(Locale.ROOT, "RESULT a.updates_per_s=%.0f  processed=%d  backlog=%d  replies_sent_in_window=%d (%.0f/s)  outbox_pending=%d  load_before=%s load_after=%s%n",
        done / secs, done, backlog, sent, sent / secs, new OutboxStore(service.database()).backlog(), load0, loadAverage());
  }

  /** A few hundred families through the same path, so the JIT and the pools are warm. */
  private void warmUp() throws Exception {
    long processed0 = processed();
    long first = nextChat.getAndAdd(300);
    int n = 0;
    for (String text : SATURATION_TEXTS) {
      for (int i = 0; i < 300; i++) {
        api.sendText(first + i, text);
        n++;
      }
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (processed() - processed0 < n && System.nanoTime() < until) Thread.sleep(10);
    drainOutbox(30);
  }

  private void drainOutbox(int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    OutboxStore outbox = new OutboxStore(service.database());
    while (outbox.backlog() > 0 && System.nanoTime() < until) Thread.sleep(20);
  }

  // ---- (b) fixed rate, families with think time ----

  /** One family walking the test first contact. Touched only by the driver thread. */
  private static final class Family {
    final long chat;
    int step;
    int consentMessage;
    int doneMessage;
    boolean waiting;
    long waitingSince;
    boolean firstReplySeen;
    long pushNanos;
    boolean timed;

    Family(long chat) {
      this.chat = chat;
    }
  }

  private record Arrived(SentMessage message, long nanos) {}

  /** The reply that lets the family take its next step. */
  private static final List<Predicate<SentMessage>> EXPECT = List.of(
      m -> m.text() != null && m.text().startsWith("Boleh kami simpan"),
      m -> m.text() != null && m.text().startsWith("Siapa nama"),
      m -> m.text() != null && m.text().startsWith("Berapa usia"),
      m -> hasButton(m, "g:done:story"),
      m -> hasButton(m, "g:done:story"),
      m -> hasButton(m, "g:done:story"),
      m -> m.text() != null && m.text().startsWith("Konselor akan segera"));

  private static boolean hasButton(SentMessage m, String data) {
    return m.replyMarkupJson() != null && m.replyMarkupJson().contains("\"" + data + "\"");
  }

  private void fixedRate() throws Exception {
    int rate = intOpt("rate", 500);
    int seconds = intOpt("rateSeconds", 40);
    int warmup = intOpt("warmupSeconds", 8);
    int thinkMin = intOpt("thinkMinMs", 1_000);
    int thinkMax = intOpt("thinkMaxMs", 3_000);
    warmUp();
    drainOutbox(120); // replies left from an earlier phase would queue in front of these

    Map<Long, Family> families = new HashMap<>();
    ConcurrentLinkedQueue<Arrived> inbox = new ConcurrentLinkedQueue<>();
    java.util.ArrayDeque<Family> ready = new java.util.ArrayDeque<>();
    java.util.PriorityQueue<long[]> thinking = new java.util.PriorityQueue<>((x, y) -> Long.compare(x[0], y[0]));
    arrivals = inbox::add;
    committed.clear();
    firstReply.clear();
    AtomicInteger completed = new AtomicInteger();
    int started = 0;
    int stuck = 0;
    long issued = 0;
    long timedIssued = 0;
    String load0 = loadAverage();
    long t0 = System.nanoTime();
    long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmup);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    long intervalNs = 1_000_000_000L / rate;
    long nextIssue = t0;
    long lastStuckScan = t0;
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    while (true) {
      long now = System.nanoTime();
      if (now >= end) break;
      // Replies: a family's question arrived, it thinks, then answers.
      for (Arrived a; (a = inbox.poll()) != null; ) {
        Family f = families.get(a.message().chatId());
        if (f == null || !f.waiting) continue;
        if (!f.firstReplySeen) {
          f.firstReplySeen = true;
          if (f.timed) firstReply.add(a.nanos() - f.pushNanos);
        }
        SentMessage m = a.message();
        if (!EXPECT.get(f.step).test(m)) continue;
        if (f.step == 0) f.consentMessage = m.messageId();
        if (hasButton(m, "g:done:story")) f.doneMessage = m.messageId();
        f.waiting = false;
        f.step++;
        if (f.step == EXPECT.size()) {
          completed.incrementAndGet();
          families.remove(f.chat);
        } else {
          thinking.add(new long[] {now + TimeUnit.MILLISECONDS.toNanos(rnd.nextInt(thinkMin, thinkMax + 1)), f.chat});
        }
      }
      while (!thinking.isEmpty() && thinking.peek()[0] <= now) {
        Family f = families.get(thinking.poll()[1]);
        if (f != null) ready.add(f);
      }
      // Issue at the fixed rate: a family whose think time is over, else a new family.
      while (nextIssue <= now) {
        nextIssue += intervalNs;
        Family f = ready.poll();
        if (f == null) {
          f = new Family(nextChat.getAndIncrement());
          families.put(f.chat, f);
          started++;
        }
        boolean timed = now >= measureFrom;
        timing = timed;
        f.waiting = true;
        f.waitingSince = now;
        f.firstReplySeen = false;
        f.timed = timed;
        f.pushNanos = System.nanoTime();
        int id = act(f);
        if (timed) {
          long push = f.pushNanos - epoch;
          Long done = pushedAt.putIfAbsent((long) id, push);
          if (done != null && done < 0) {
            pushedAt.remove((long) id);
            committed.add(-done - push);
          }
          timedIssued++;
        }
        issued++;
      }
      if (now - lastStuckScan > 1_000_000_000L) {
        lastStuckScan = now;
        List<Long> gone = new ArrayList<>();
        for (Family f : families.values()) {
          if (f.waiting && now - f.waitingSince > TimeUnit.SECONDS.toNanos(15)) gone.add(f.chat);
        }
        stuck += gone.size();
        gone.forEach(families::remove);
      }
      long sleep = Math.min(nextIssue - System.nanoTime(), 1_000_000L);
      if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
    }
    double measured = seconds;
    // Let the timed updates of the last moments finish before reading the samples.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pushedAt.values().stream().anyMatch(v -> v > 0) && System.nanoTime() < until) Thread.sleep(10);
    timing = false;
    arrivals = null;
    long notCommitted = pushedAt.values().stream().filter(v -> v > 0).count();
    System.out.printf(Locale.ROOT, "%n## (b) fixed rate %d updates/s, %s, think time %d-%d ms, %d s measured after %d s warm-up%n",
        rate, webhook ? "webhook" : "long polling", thinkMin, thinkMax, seconds, warmup);
    System.out.printf(Locale.ROOT, "issued %d updates (%d timed, %.0f/s); families started %d, completed %d, stuck %d, unfinished at end %d%n",
        issued, timedIssued, timedIssued / measured, started, completed.get(), stuck, families.size());
    System.out.printf(Locale.ROOT, "RESULT b.push_to_outbox_committed_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f (n=%d, %d not committed in time)%n",
        committed.pct(50), committed.pct(90), committed.pct(99), committed.pct(100), committed.size(), notCommitted);
    System.out.printf(Locale.ROOT, "RESULT b.push_to_first_reply_at_double_ms p50=%.1f p90=%.1f p99=%.1f max=%.1f (n=%d)  load_before=%s load_after=%s%n",
        firstReply.pct(50), firstReply.pct(90), firstReply.pct(99), firstReply.pct(100), firstReply.size(), load0, loadAverage());
    pushedAt.clear();
    drainOutbox(30);
  }

  /** The family's next move; returns the update_id. */
  private int act(Family f) {
    return switch (f.step) {
      case 0 -> api.sendText(f.chat, "/start");
      case 1 -> api.pressButton(f.chat, f.consentMessage, "n:consent:yes");
      case 2 -> api.sendText(f.chat, "Rina");
      case 3 -> api.sendText(f.chat, "34");
      case 4 -> api.sendText(f.chat, "Anak saya tidak mau sekolah");
      case 5 -> api.sendText(f.chat, "Saya bingung harus bagaimana");
      case 6 -> api.pressButton(f.chat, f.doneMessage, "g:done:story");
      default -> throw new IllegalStateException("step " + f.step);
    };
  }

  // ---- (c) heap per live sessions ----

  private void heapPerSessions() throws Exception {
    int n = intOpt("heapSessions", 10_000);
    drainOutbox(120);
    long cached0 = service.processor().cachedSessions();
    long before = usedAfterGc();
    long processed0 = processed();
    long first = nextChat.getAndAdd(n);
    for (int i = 0; i < n; i++) {
      while (api.pendingUpdates() > 3_000) Thread.sleep(1);
      api.sendText(first + i, "/start");
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (processed() - processed0 < n && System.nanoTime() < until) Thread.sleep(10);
    drainOutbox(30);
    long withSessions = usedAfterGc();
    long cachedNew = service.processor().cachedSessions() - cached0;
    for (int i = 0; i < n; i++) service.processor().evict(first + i);
    long evicted = usedAfterGc();
    double perTenK = 10_000.0 / n;
    System.out.printf(Locale.ROOT, "%n## (c) heap per 10,000 live sessions (%d families said /start; %d sessions added to the cache)%n", n, cachedNew);
    System.out.printf(Locale.ROOT, "RESULT c.session_cache_mb_per_10k=%.1f  (used heap with them %.1f MB, after evicting them %.1f MB)%n",
        (withSessions - evicted) / 1048576.0 * perTenK, withSessions / 1048576.0, evicted / 1048576.0);
    System.out.printf(Locale.ROOT, "RESULT c.whole_jvm_growth_mb_per_10k=%.1f  (service + the double's records of every call and message; upper bound)%n",
        (withSessions - before) / 1048576.0 * perTenK);
  }

  private static long usedAfterGc() throws InterruptedException {
    var mem = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return mem.getHeapMemoryUsage().getUsed();
  }

  private static String loadAverage() {
    return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Latency samples in nanoseconds; percentiles in milliseconds. */
  private static final class Samples {
    private final long[] values;
    private final AtomicInteger size = new AtomicInteger();

    Samples(int capacity) {
      values = new long[capacity];
    }

    void add(long nanos) {
      int i = size.getAndIncrement();
      if (i < values.length) values[i] = nanos;
    }

    void clear() {
      size.set(0);
    }

    int size() {
      return Math.min(size.get(), values.length);
    }

    double pct(double p) {
      int n = size();
      if (n == 0) return Double.NaN;
      long[] copy = Arrays.copyOf(values, n);
      Arrays.sort(copy);
      int idx = (int) Math.ceil(p / 100.0 * n) - 1;
      return copy[Math.max(0, Math.min(n - 1, idx))] / 1e6;
    }
  }
}
