package id.pintu.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.admin.AdminApi;
import id.pintu.admin.AdminAuth;
import id.pintu.admin.EditNotices;
import id.pintu.admin.ScriptLibrary;
import id.pintu.admin.TrustedProxies;
import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import id.pintu.conversation.ChatLanes;
import id.pintu.conversation.ConversationProcessor;
import id.pintu.conversation.FloodGuard;
import id.pintu.conversation.IdleConversations;
import id.pintu.conversation.InboxDispatcher;
import id.pintu.desk.CrisisAlarm;
import id.pintu.desk.Desk;
import id.pintu.desk.StaffDirectory;
import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Engine;
import id.pintu.dialog.ScriptBook;
import id.pintu.privacy.FalseAlarmMetrics;
import id.pintu.privacy.RetentionJob;
import id.pintu.safety.CrisisScreen;
import id.pintu.safety.LearningScreen;
import id.pintu.store.CaseStore;
import id.pintu.store.ClusterLeader;
import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.store.KeyProblem;
import id.pintu.store.Keys;
import id.pintu.store.OutboxStore;
import id.pintu.store.SessionStore;
import id.pintu.telegram.CallingThreadDispatch;
import id.pintu.telegram.Inbound;
import id.pintu.telegram.LongPollingTransport;
import id.pintu.telegram.ReplyComposer;
import id.pintu.telegram.Sender;
import id.pintu.telegram.TelegramGateway;
import id.pintu.telegram.TelegramProbe;
import id.pintu.telegram.WebhookTransport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The running service: wires store, engine, lanes, sender, transports and the HTTP server. */
public final class PintuService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PintuService.class);

  private final PintuConfig cfg;
  private final Clock clock;
  private Vertx vertx;
  private HttpServer http;
  private Database db;
  private ChatLanes lanes;
  private InboxDispatcher dispatcher;
  private Sender sender;
  private LongPollingTransport polling;
  private ScheduledExecutorService timers;
  private ConversationProcessor processor;
  private ScriptLibrary library;
  private PintuMetrics metrics;
  private RetentionJob retention;
  private String botUsername;
  private Desk desk;
  private CrisisAlarm crisisAlarm;
  private TelegramProbe telegramProbe;
  private ClusterLeader leader;
  /** On a shared store, updates waiting this long are taken in by the leader (their node may have died). */
  static final java.time.Duration STRANDED_AFTER = java.time.Duration.ofSeconds(10);

  private PintuService(PintuConfig cfg, Clock clock) {
    this.cfg = cfg;
    this.clock = clock;
  }

  /** Starts everything, or throws {@link StartupProblem} with what to fix. Blocks until ready. */
  public static PintuService start(PintuConfig cfg, CrisisScreen screen, Clock clock) {
    PintuService s = new PintuService(cfg, clock);
    try {
      s.boot(screen);
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void boot(CrisisScreen screen) {
    String token = cfg.telegram().token();
    if (token == null || token.isBlank()) {
      throw new StartupProblem("No Telegram bot token: set PINTU_TELEGRAM_TOKEN to the token @BotFather gave you.");
    }
    if (!token.strip().matches("\\d+:[A-Za-z0-9_-]+")) {
      // Said before any call: a token with a space or quote in it otherwise reads as a network fault.
      throw new StartupProblem("PINTU_TELEGRAM_TOKEN is not in the form of a Telegram bot token (digits, a colon, then letters, digits, - and _, "
          + "like 123456789:AAE...): copy it again from @BotFather, without quotes or spaces.");
    }
    AdminAuth adminAuth; // checked first: a weak token stops the start before anything else runs
    try {
      adminAuth = AdminAuth.from(cfg.admin(), clock, TrustedProxies.parse(cfg.http().trustedProxies()));
    } catch (AdminAuth.WeakToken | TrustedProxies.Unreadable e) {
      throw new StartupProblem(e.getMessage());
    }
    TelegramUrl url = BotApiAddress.parse(cfg.telegram().apiUrl());
    // OkHttp would silently resend a POST whose answer was lost on a reused connection, and
    // the family would get the message twice: retrying is the sender's job, not OkHttp's.
    okhttp3.OkHttpClient okHttp = new okhttp3.OkHttpClient.Builder().retryOnConnectionFailure(false)
        .dispatcher(CallingThreadDispatch.dispatcher(cfg.sending().workers() + 4))
        .connectTimeout(java.time.Duration.ofSeconds(10)).readTimeout(java.time.Duration.ofSeconds(30)).build();
    OkHttpTelegramClient client = new OkHttpTelegramClient(okHttp, token, url);
    botUsername = checkToken(client, cfg.telegram().apiUrl());

    try {
      db = Database.open(cfg.store(), Keys.load(cfg.encryption(), cfg.store()));
    } catch (KeyProblem | Database.StoreInUse e) {
      throw new StartupProblem(e.getMessage());
    }
    leader = ClusterLeader.forStore(db, cfg.store().url(), cfg.store().user(), cfg.store().password(), nodeName());
    ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    EditNotices editNotices = cfg.desk().enabled() ? new EditNotices(db, new ReplyComposer(json), cfg.desk().staffChatId(), clock) : null;
    library = openLibrary(editNotices);
    Engine engine = new Engine(screen);
    SessionStore sessions = new SessionStore(db);
    CaseStore cases = new CaseStore(db);
    OutboxStore outbox = new OutboxStore(db);
    InboxStore inbox = new InboxStore(db);
    sender = new Sender(outbox, sessions, cases, new TelegramGateway(client), cfg.sending(), clock);
    processor = new ConversationProcessor(db, engine, library, new ReplyComposer(json), new FloodGuard(cfg.flood()), clock,
        cfg.sessions().cacheSize(), sender::wake);
    sender.onUnreachable(processor::evict);
    processor.courtesyVia(sender.courtesy());
    if (editNotices != null) editNotices.wakeWith(sender::wake);
    sender.activeWhile(leader::leading); // several nodes: only the leader sends
    leader.onChange(leading -> sender.wake());
    lanes = new ChatLanes(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    dispatcher = new InboxDispatcher(inbox, processor, lanes, clock);
    db.lingerWhile(dispatcher::busy); // an acknowledgement's write-out waits a moment for the replies on their way
    Inbound inbound = new Inbound(inbox, dispatcher, json, clock);
    if (cfg.desk().enabled()) startDesk(json, screen); // before recovery and sending start
    crisisAlarm = new CrisisAlarm(cfg.desk(), db, new ReplyComposer(json), desk == null ? null : desk.staff(), library::service);
    processor.crisisWith(crisisAlarm);
    sender.onRefused(crisisAlarm::refused);
    crisisAlarm.warnAtStart(clock.instant());

    try {
      dispatcher.recover();
    } catch (java.sql.SQLException e) {
      throw new StartupProblem("The store at " + cfg.store().url() + " cannot be read (" + e.getMessage() + "): check store.url and that the database is running.");
    }
    sender.start();

    IdleConversations idle = new IdleConversations(db, processor, lanes, cfg.sessions(), clock);
    timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pintu-timers");
      t.setDaemon(true);
      return t;
    });
    long sweep = Math.max(1, cfg.sessions().sweepSeconds());
    // Scheduled jobs that act on shared state run on the leader only (always this node on H2).
    timers.scheduleWithFixedDelay(leader.only(idle::sweep), sweep, sweep, TimeUnit.SECONDS);
    if (!db.shared()) { // the embedded file compacted in small steps (H2's own compaction is off: Database.jdbcUrl)
      int every = id.pintu.store.CompactionSteps.EVERY_SECONDS;
      timers.scheduleWithFixedDelay(new id.pintu.store.CompactionSteps(db)::runQuietly, every, every, TimeUnit.SECONDS);
    }
    if (db.shared()) {
      long refresh = Math.max(1, cfg.dialogs().watchSeconds());
      timers.scheduleWithFixedDelay(library::refresh, refresh, refresh, TimeUnit.SECONDS); // versions other nodes published
      timers.scheduleWithFixedDelay(leader.only(() -> dispatcher.adoptStranded(STRANDED_AFTER)), 5, 5, TimeUnit.SECONDS);
    }
    if (desk != null) {
      long every = Math.max(1, cfg.desk().staffCheckSeconds());
      timers.scheduleWithFixedDelay(desk.staff()::refresh, every, every, TimeUnit.SECONDS);
      long deskSweep = Math.max(1, cfg.desk().sweepSeconds());
      timers.scheduleWithFixedDelay(leader.only(() -> {
        desk.reminders().sweep(clock.instant());
        sender.wake();
      }), deskSweep, deskSweep, TimeUnit.SECONDS);
    }
    library.watch(timers, cfg.dialogs().watchSeconds());

    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    if (cfg.admin().protectMetrics()) AdminApi.requireToken(router, adminAuth, "/metrics", "/health/*");
    telegramProbe = new TelegramProbe(new OkHttpTelegramClient(okHttp.newBuilder().readTimeout(java.time.Duration.ofSeconds(10))
        .callTimeout(java.time.Duration.ofSeconds(15)).build(), token, url), clock, clock.instant());
    telegramProbe.start(cfg.admin().telegramCheckSeconds());
    new HealthEndpoints(db, new HealthEndpoints.Checks(() -> polling == null || polling.isRunning(), cfg.admin().readyInboxBacklog(),
        cfg.admin().readyOutboxBacklog(), telegramProbe,
        cfg.telegram().webhook() ? cfg.telegram().webhookUrl() : null, clock, () -> crisisAlarm.readiness(clock.instant()), sender::botApi,
        screen instanceof LearningScreen learning
            ? () -> learning.learned() ? "frames and examples" : "frames only: the examples are being learned (seconds after a start)"
            : null))
        .mount(router);
    metrics = new PintuMetrics(db, dispatcher, sender);
    processor.observeWith(metrics);
    if (desk != null) desk.observeWith(metrics);
    metrics.refreshEvery(timers, 5);
    FalseAlarmMetrics falseAlarms = new FalseAlarmMetrics(db, metrics.registry);
    timers.scheduleWithFixedDelay(falseAlarms::refresh, 0, 5, TimeUnit.SECONDS);
    retention = new RetentionJob(db, cfg.privacy().retentionDays(), processor::evict);
    // Idempotent (it deletes only what is past its date), so running it on whichever node leads is enough.
    timers.scheduleWithFixedDelay(leader.only(() -> retention.runQuietly(clock)), 1, 24 * 60, TimeUnit.MINUTES);
    metrics.mount(router);
    new AdminApi(db, library, adminAuth, clock).staff(desk == null ? null : desk.staff()).mount(router);
    if (cfg.console().enabled()) ConsoleWiring.mount(router, cfg, db, library, engine, adminAuth, clock, this::deliveryNow, metrics::dropOffs);
    if (cfg.telegram().webhook()) {
      String secret = cfg.telegram().webhookSecret();
      if (secret == null || secret.isBlank()) {
        secret = randomSecret();
        LOG.warn("no PINTU_TELEGRAM_WEBHOOK_SECRET set: using a random one; set it when running several nodes");
      }
      new WebhookTransport(vertx, inbound, secret).mount(router);
      http = await(vertx.createHttpServer().requestHandler(router).listen(cfg.http().port(), cfg.http().host()));
      registerWebhook(client, secret);
    } else {
      http = await(vertx.createHttpServer().requestHandler(router).listen(cfg.http().port(), cfg.http().host()));
      polling = new LongPollingTransport(inbound);
      try {
        polling.start(token, url, cfg.telegram().pollTimeoutSeconds());
      } catch (Exception e) {
        throw new StartupProblem("Long polling could not start (" + e.getMessage() + "): check PINTU_TELEGRAM_API_URL.");
      }
    }
    LOG.info("Pintu is running as @{} ({}), HTTP on port {}", botUsername, cfg.telegram().mode(), http.actualPort());
  }

  /** The counselors' desk in the staff chat; its staff list is re-read when the config file changes. */
  private void startDesk(ObjectMapper json, CrisisScreen screen) {
    StaffDirectory staff = new StaffDirectory(cfg.desk().staff(), Path.of(cfg.desk().staffFile()));
    desk = new Desk(cfg.desk(), db, new ReplyComposer(json), staff, library::service, screen, clock);
    sender.hooks(desk.senderHooks());
    processor.desk(desk);
    if (staff.size() == 0) LOG.warn("the desk has no staff: add desk.staff to {}", cfg.desk().staffFile());
    LOG.info("counselors' desk on, {} staff", staff.size());
  }

  /** Delivery health for the console's dashboard: backlogs, Telegram's refusals, the transport. */
  private java.util.Map<String, Object> deliveryNow() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    try {
      m.put("inbox_backlog", new InboxStore(db).backlog());
      m.put("outbox_backlog", new OutboxStore(db).backlog());
    } catch (java.sql.SQLException e) {
      m.put("store", "down");
    }
    m.put("sent", sender.sent());
    m.put("too_many_requests", sender.tooManyRequests());
    m.put("retries", sender.retries());
    m.put("failed", sender.failed());
    m.put("mode", cfg.telegram().mode());
    m.put("transport", polling == null ? (cfg.telegram().webhook() ? "webhook registered" : "starting") : polling.isRunning() ? "polling" : "stopped");
    return m;
  }

  public Desk desk() {
    return desk;
  }

  /** The published scripts, with what changed in the dialogs folder published on the way. */
  private ScriptLibrary openLibrary(ScriptLibrary.InvalidEdit onInvalidEdit) {
    String dir = cfg.dialogs().dir();
    try {
      ScriptLibrary lib = ScriptLibrary.open(db, Path.of(dir), clock, onInvalidEdit);
      if (lib.current().script(ScriptBook.FIRST_CONTACT) == null) {
        throw new StartupProblem("There is no valid first-contact script in " + dir + " nor in the store: run 'java -jar target/pintu.jar validate "
            + dir + "' and fix what it lists.");
      }
      return lib;
    } catch (java.sql.SQLException e) {
      throw new StartupProblem("The store at " + cfg.store().url() + " cannot be read (" + e.getMessage() + "): check store.url and that the database is running.");
    }
  }

  private static String checkToken(OkHttpTelegramClient client, String apiUrl) {
    try {
      User me = client.execute(new GetMe());
      return me.getUserName();
    } catch (TelegramApiRequestException e) {
      Integer code = e.getErrorCode();
      if (code != null && (code == 401 || code == 404)) {
        throw new StartupProblem("Telegram refused the bot token (getMe answered " + code + "): set PINTU_TELEGRAM_TOKEN to the exact token @BotFather gave you.");
      }
      if (code == null || code == 0) {
        // Not an error Telegram gave: the answer itself could not be read (not a Bot API server, or not a bot).
        throw new StartupProblem("The Bot API at " + apiUrl + " answered getMe with something Pintu cannot read ("
            + ConfigLoader.firstLine(e.getMessage()) + "): check that PINTU_TELEGRAM_API_URL is a Telegram Bot API server.");
      }
      throw new StartupProblem("The Bot API at " + apiUrl + " answered getMe with error " + code + " (" + ConfigLoader.firstLine(e.getApiResponse())
          + "): check PINTU_TELEGRAM_API_URL and PINTU_TELEGRAM_TOKEN.");
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) root = root.getCause();
      throw new StartupProblem("Cannot reach the Bot API at " + apiUrl + " to check the token (" + root.getClass().getSimpleName()
          + (root.getMessage() == null ? "" : ": " + ConfigLoader.firstLine(root.getMessage())) + "): check the network and PINTU_TELEGRAM_API_URL.");
    }
  }

  private void registerWebhook(OkHttpTelegramClient client, String secret) {
    String url = cfg.telegram().webhookUrl();
    if (url == null || url.isBlank()) {
      throw new StartupProblem("Webhook mode needs a public address: set PINTU_TELEGRAM_WEBHOOK_URL (e.g. https://pintu.example.org"
          + WebhookTransport.PATH + ").");
    }
    try {
      client.execute(SetWebhook.builder().url(url).secretToken(secret).build());
    } catch (Exception e) {
      throw new StartupProblem("Telegram did not accept the webhook address " + url + " (" + e.getMessage() + "): check PINTU_TELEGRAM_WEBHOOK_URL.");
    }
  }

  private static String randomSecret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static <T> T await(io.vertx.core.Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      throw new StartupProblem("The HTTP port could not be opened (" + c.getMessage() + "): set PINTU_HTTP_PORT to a free port.");
    }
  }

  public int httpPort() {
    return http == null ? -1 : http.actualPort();
  }

  public Database database() {
    return db;
  }

  public ScriptLibrary library() {
    return library;
  }

  public Sender sender() {
    return sender;
  }

  /** The daily retention job (a plain method; tests run it with their own clock). */
  public RetentionJob retention() {
    return retention;
  }

  public ConversationProcessor processor() {
    return processor;
  }

  /** Whether this node sends and runs the scheduled jobs (see {@link ClusterLeader}). */
  public ClusterLeader leader() {
    return leader;
  }

  private static String nodeName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    return host + "/" + ProcessHandle.current().pid();
  }

  public InboxDispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Stops in the order that lets every part finish with the store still open: first nothing new
   * comes in (polling, the HTTP server), then the lanes finish the updates in hand, then the
   * sender and the timers stop (awaited, not interrupted: an interrupt inside H2's file write
   * closes its file), and the store closes last.
   */
  @Override
  public void close() {
    if (polling != null) polling.close();
    if (http != null) {
      try {
        http.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // closing anyway
      }
    }
    if (dispatcher != null) dispatcher.close();
    if (lanes != null) lanes.close();
    if (sender != null) sender.close();
    if (telegramProbe != null) telegramProbe.close();
    if (timers != null) stopTimers();
    if (leader != null) leader.close();
    if (vertx != null) {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // closing anyway
      }
    }
    if (db != null) {
      db.close();
      LOG.info("Pintu stopped");
    }
  }

  /** Lets a job that is running finish (they are short), then stops the timer thread. */
  private void stopTimers() {
    timers.shutdown();
    try {
      if (!timers.awaitTermination(10, TimeUnit.SECONDS)) timers.shutdownNow();
    } catch (InterruptedException e) {
      timers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
