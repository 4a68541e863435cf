package id.pintu.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import id.pintu.testing.botapi.BotApiDouble;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
import id.pintu.testing.TestStore;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Pintu service against the Bot API double, on a real store (an H2 file in a temporary
 * folder, or a fresh PostgreSQL schema with {@code -DPINTU_TEST_STORE=postgres}: see
 * {@link TestStore}), over real sockets. Tests drive families through the double and read what they received.
 */
final class ServiceHarness implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  static final String TOKEN = "123456:TEST-token";
  static final Path TEST_DIALOGS = Path.of("src/test/resources/service-dialogs");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A deterministic screen for service tests; the real lexicon is tested on its own. */
  static final CrisisScreen TEST_SCREEN = text -> text != null && text.toLowerCase().contains("ingin mati")
      ? new ScreenResult(RiskLevel.URGENT, List.of(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "ingin mati", "ingin mati")))
      : ScreenResult.CLEAR;

  final Vertx vertx = Vertx.vertx();
  final BotApiDouble api;
  final Path dataDir;
  final Map<String, String> env = new HashMap<>();
  final TestStore store;
  PintuService service;

  ServiceHarness(RateLimits limits) throws Exception {
    this(limits, TestStore.configured());
  }

  /** A harness on the given store kind, whatever the run is configured for. */
  ServiceHarness(RateLimits limits, TestStore.Kind kind) throws Exception {
    api = await(BotApiDouble.start(vertx, TOKEN, limits));
    dataDir = Files.createTempDirectory("pintu-test");
    store = TestStore.fresh(kind, dataDir.resolve("store"));
    env.put("PINTU_TELEGRAM_TOKEN", TOKEN);
    env.put("PINTU_TELEGRAM_API_URL", api.baseUrl());
    env.put("PINTU_TELEGRAM_POLL_TIMEOUT_SECONDS", "1");
    env.put("PINTU_HTTP_PORT", "0");
    env.put("PINTU_HTTP_HOST", "127.0.0.1");
    env.put("PINTU_STORE_URL", store.url());
    env.put("PINTU_STORE_USER", store.user());
    env.put("PINTU_STORE_PASSWORD", store.password());
    env.put("PINTU_DIALOGS_DIR", TEST_DIALOGS.toString());
    env.put("PINTU_SENDING_POLL_MILLIS", "50");
    env.put("PINTU_ENCRYPTION_KEY_ID", TestStore.TEST_KEY_ID);
    env.put("PINTU_ENCRYPTION_KEY", TestStore.TEST_KEY);
  }

  ServiceHarness() throws Exception {
    this(RateLimits.telegramLike());
  }

  /**
   * A default harness started before each test and closed after it:
   * {@code @RegisterExtension final ServiceHarness h = ServiceHarness.perTest();}.
   */
  static ServiceHarness perTest() {
    try {
      return new ServiceHarness();
    } catch (Exception e) {
      throw new IllegalStateException("the service test harness could not be built: " + e, e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    close();
  }

  /**
   * For desk tests: the double lets the staff group take any number of messages a minute and the
   * service sends to it as fast, so cards and relays are not held back by Telegram's group limit.
   */
  static ServiceHarness unthrottledStaffGroup() throws Exception {
    return new ServiceHarness(RateLimits.telegramLike().withGroupPerMinute(100_000)).set("PINTU_SENDING_PER_GROUP_PER_MINUTE", "100000");
  }

  ServiceHarness set(String var, String value) {
    env.put(var, value);
    return this;
  }

  /** No file of its own: defaults and the environment (a file named on a command line must exist). */
  Path configFile = Path.of("does-not-exist.yaml");

  /** The file a child process is started with: the harness's own, or an empty one (defaults). */
  Path configFileForChild() throws Exception {
    if (Files.isRegularFile(configFile)) return configFile;
    Path empty = dataDir.resolve("empty-pintu.yaml");
    if (!Files.exists(empty)) Files.writeString(empty, "");
    return empty;
  }

  /** Uses a config file (for lists such as the desk's staff, which come from the file only). */
  ServiceHarness withConfigFile(String yaml) throws Exception {
    configFile = dataDir.resolve("pintu.yaml");
    Files.writeString(configFile, yaml);
    env.put("PINTU_DESK_STAFF_FILE", configFile.toString());
    return this;
  }

  PintuConfig config() throws Exception {
    return ConfigLoader.load(configFile, env);
  }

  ServiceHarness start() throws Exception {
    return start(Clock.systemUTC());
  }

  ServiceHarness start(Clock clock) throws Exception {
    return start(TEST_SCREEN, clock);
  }

  /** Starts with another crisis screen (e.g. one that raises a concern the test needs). */
  ServiceHarness start(CrisisScreen screen, Clock clock) throws Exception {
    service = PintuService.start(config(), screen, clock);
    return this;
  }

  /** With another crisis screen, e.g. the shipped lexicon's for tests that walk the shipped dialogs. */
  ServiceHarness start(Clock clock, CrisisScreen screen) throws Exception {
    return start(screen, clock);
  }

  void stop() {
    if (service != null) service.close();
    service = null;
  }

  /** The last bot message in the chat that carries inline buttons. */
  SentMessage lastWithButtons(long chat) {
    List<SentMessage> all = api.messagesTo(chat);
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).replyMarkupJson() != null && all.get(i).replyMarkupJson().contains("callback_data")) return all.get(i);
    }
    throw new AssertionError("no message with buttons in chat " + chat + ": " + texts(chat));
  }

  /** Presses the button with this callback data under the newest message that has it. */
  int press(long chat, String data) {
    List<SentMessage> all = api.messagesTo(chat);
    for (int i = all.size() - 1; i >= 0; i--) {
      String markup = all.get(i).replyMarkupJson();
      if (markup != null && markup.contains("\"" + data + "\"")) return api.pressButton(chat, all.get(i).messageId(), data);
    }
    throw new AssertionError("no button '" + data + "' in chat " + chat + ": " + texts(chat));
  }

  static List<String> buttonData(SentMessage m) {
    try {
      JsonNode root = JSON.readTree(m.replyMarkupJson());
      return root.findValues("callback_data").stream().map(JsonNode::asText).toList();
    } catch (Exception e) {
      return List.of();
    }
  }

  List<String> texts(long chat) {
    return api.messagesTo(chat).stream().map(SentMessage::text).toList();
  }

  /** Waits until the chat has at least n bot messages; returns them. */
  List<SentMessage> await(long chat, int n) {
    return api.awaitMessages(chat, n, Duration.ofSeconds(20));
  }

  /** Waits until a message containing {@code fragment} arrived in the chat. */
  SentMessage awaitText(long chat, String fragment) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (SentMessage m : api.messagesTo(chat)) if (m.text() != null && m.text().contains(fragment)) return m;
      sleep(20);
    }
    throw new AssertionError("no message containing '" + fragment + "' in chat " + chat + "; got " + texts(chat));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    stop();
    try {
      await(api.close());
    } finally {
      try {
        vertx.close();
      } finally {
        store.close();
      }
    }
  }
}
