package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.pintu.telegram.LongPollingTransport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the operator reads when Telegram blips: one WARN when getUpdates starts failing and one
 * INFO when it answers again, not a stack trace per retry; and the family's message still comes
 * through once Telegram is back.
 */
class PollingOutageLogTest {
  @Test
  void aBlipOfTelegramIsOneWarningAndOneLineWhenBack() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger transport = (Logger) LoggerFactory.getLogger(LongPollingTransport.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    root.addAppender(seen);
    Level before = transport.getLevel();
    transport.setLevel(Level.INFO);
    try (ServiceHarness h = new ServiceHarness()) {
      h.start();
      h.api.failures().outageFor(Duration.ofSeconds(3), false);
      h.api.sendText(5201, "/start");
      h.awaitText(5201, "Boleh kami simpan"); // read and answered once Telegram is back
      ServiceHarness.sleep(500);
      List<ILoggingEvent> polling = seen.list.stream().filter(e -> e.getLoggerName().equals(LongPollingTransport.class.getName())).toList();
      List<String> lines = polling.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).filter(l -> l.contains("getUpdates")).toList();
      assertEquals(2, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("WARN getUpdates is failing (http 502)"), lines.toString());
      assertTrue(lines.get(1).startsWith("INFO getUpdates answers again after "), lines.toString());
      List<ILoggingEvent> library = seen.list.stream().filter(e -> e.getLoggerName().startsWith("org.telegram")).toList();
      assertEquals(List.of(), library.stream().map(ILoggingEvent::getFormattedMessage).toList(), "the library's own retries are not logged");
    } finally {
      transport.setLevel(before);
      root.detachAppender(seen);
    }
  }
}
