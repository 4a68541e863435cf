package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.pintu.testing.TestStore;
import id.pintu.testing.botapi.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A normal stop (SIGTERM, as systemd or Ctrl-C sends it) of the real {@code run} command in its
 * own process: the sender, timers and transports stop before the store closes, so the stop
 * logs nothing at WARN or ERROR.
 */
class CleanStopTest {
  @Test
  void aStopInTheMiddleOfTrafficLogsNoWarningAndNoException() throws Exception {
    try (ServiceHarness h = new ServiceHarness(RateLimits.telegramLike(), TestStore.Kind.H2)) {
      int port = ChildService.freePort();
      h.set("PINTU_HTTP_PORT", Integer.toString(port));
      Process p = ChildService.start(h, port, "clean-stop");
      Path log = Path.of("target", "clean-stop.log");
      for (long chat = 9_100; chat < 9_140; chat++) h.api.sendText(chat, "/start");
      h.awaitText(9_100, "Boleh kami simpan");
      // The examples are learned in the background; readiness says which screen families meet.
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.URI ready = java.net.URI.create("http://127.0.0.1:" + port + "/health/ready");
      ChildService.waitUntil(() -> http.send(java.net.http.HttpRequest.newBuilder(ready).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body().contains("\"crisisScreen\":\"frames and examples\""),
          java.time.Duration.ofSeconds(60), "readiness to say the examples are in use");
      long before = Files.size(log); // what the start logged (its warnings included) is not the stop's
      p.destroy(); // SIGTERM: the shutdown hook closes the service
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the service stopped within a minute");
      // 143 = 128 + SIGTERM: the JVM's own exit status after its shutdown hooks ran (systemd: SuccessExitStatus=143).
      assertTrue(p.exitValue() == 0 || p.exitValue() == 143, "a normal stop's exit status, not " + p.exitValue());
      String all = Files.readString(log);
      String stop = all.substring((int) Math.min(before, all.length()));
      List<String> bad = stop.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception")).toList();
      assertEquals(List.of(), bad.subList(0, Math.min(10, bad.size())), "the stop logged:\n" + stop);
    }
  }

  /**
   * In one process (as tests and tools stop it): once {@code close} returns nothing of the
   * service is left running, not even the long poll that was in flight; when the Bot API then
   * goes away, nothing is logged.
   */
  @Test
  void afterCloseNothingOfTheServiceIsLeftPollingOrLogging() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ServiceHarness h = new ServiceHarness(RateLimits.telegramLike(), TestStore.Kind.H2);
    try {
      h.start();
      for (long chat = 9_200; chat < 9_220; chat++) h.api.sendText(chat, "/start");
      h.awaitText(9_200, "Boleh kami simpan");
      logs.start();
      root.addAppender(logs); // the test configuration's root level (WARN) is what is checked
      h.stop();
      ServiceHarness.await(h.api.close()); // a poll still in flight would fail now, and say so
      ServiceHarness.sleep(2_500); // longer than the test's 1 s long poll and the library's first back-off
    } finally {
      root.detachAppender(logs);
      h.stop();
      ServiceHarness.await(h.vertx.close());
      h.store.close();
    }
    List<String> bad = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(e -> e.getLevel() + " [" + e.getThreadName() + "] " + e.getLoggerName() + " - " + e.getFormattedMessage()).toList();
    assertEquals(List.of(), bad, "logged during and after the stop");
  }
}
