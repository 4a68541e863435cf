package id.pintu.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the service logs during a test, as an operator would read it (the test configuration's levels apply). */
final class CapturedLog implements AutoCloseable {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  CapturedLog() {
    logs.start();
    root.addAppender(logs);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(logs.list);
  }

  List<String> warnings() {
    return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Whether a WARN or worse containing {@code fragment} appears within 10 s. */
  boolean warned(String fragment) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (warnings().stream().anyMatch(l -> l.contains(fragment))) return true;
      ServiceHarness.sleep(50);
    }
    return false;
  }

  @Override
  public void close() {
    root.detachAppender(logs);
  }
}
