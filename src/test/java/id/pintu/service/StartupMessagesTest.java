package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an admin reads when the service cannot start because of Telegram: one sentence that says
 * what was wrong and where, from the real process, and nothing left in its folder.
 */
class StartupMessagesTest {
  @TempDir Path dir;

  private String start(Map<String, String> env) throws Exception {
    Path work = Files.createDirectories(dir.resolve("run-" + System.nanoTime()));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "id.pintu.Main", "run").directory(work.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("PINTU_"));
    pb.environment().put("PINTU_LOG_LEVEL", "WARN");
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the process ends by itself");
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(2, p.exitValue(), err);
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "a refused start leaves no file");
    }
    List<String> lines = err.lines().filter(l -> !l.contains(" WARN ")).toList();
    assertEquals(1, lines.size(), "one sentence, not a stack trace: " + err);
    return lines.get(0);
  }

  @Test
  void aTokenNotInTelegramsFormIsToldSoBeforeAnyCall() throws Exception {
    assertTrue(start(Map.of("PINTU_TELEGRAM_TOKEN", "\"123456:abc def\"")).startsWith(
        "PINTU_TELEGRAM_TOKEN is not in the form of a Telegram bot token"));
  }

  @Test
  void anUnreachableBotApiIsNamed() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    String url = "http://127.0.0.1:" + port;
    String said = start(Map.of("PINTU_TELEGRAM_TOKEN", "123456:TEST-token", "PINTU_TELEGRAM_API_URL", url));
    assertTrue(said.startsWith("Cannot reach the Bot API at " + url + " to check the token (ConnectException"), said);
  }

  @Test
  void anAnswerThatIsNotABotIsSaidPlainly() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"ok\":true,\"result\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8); // no is_bot, no first_name
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String said = start(Map.of("PINTU_TELEGRAM_TOKEN", "123456:TEST-token", "PINTU_TELEGRAM_API_URL", url));
      assertTrue(said.startsWith("The Bot API at " + url + " answered getMe with something Pintu cannot read ("), said);
      assertTrue(said.endsWith("check that PINTU_TELEGRAM_API_URL is a Telegram Bot API server."), said);
    } finally {
      server.stop(0);
    }
  }
}
