package id.pintu.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling on the library's application. The library confirms a batch with the next
 * getUpdates, and it calls the consumer synchronously, so the consumer returns only once
 * the batch is in the inbox. It never throws: an exception would stop polling for good.
 */
public final class LongPollingTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LongPollingTransport.class);

  private final TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new);
  private final Inbound inbound;
  private final AtomicBoolean running = new AtomicBoolean(false);

  public LongPollingTransport(Inbound inbound) {
    this.inbound = inbound;
  }

  public void start(String token, TelegramUrl url, int timeoutSeconds) throws Exception {
    running.set(true);
    LongPollingUpdateConsumer consumer = this::storeDurably;
    // The library hands the generator the last update_id it received; the offset is one more.
    app.registerBot(token, () -> url, last -> new LenientGetUpdates(last + 1, 100, timeoutSeconds), consumer);
    LOG.info("long polling started");
  }

  void storeDurably(List<Update> updates) {
    long backoff = 200;
    while (running.get()) {
      try {
        inbound.accept(updates);
        return;
      } catch (Throwable t) {
        // Returning would confirm the batch to Telegram without it being stored: keep trying.
        LOG.error("could not store {} updates ({}); retrying in {} ms", updates.size(), t.toString(), backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  public boolean isRunning() {
    return running.get() && app.isRunning();
  }

  @Override
  public void close() {
    running.set(false);
    try {
      app.close();
    } catch (Exception e) {
      LOG.warn("long polling did not stop cleanly: {}", e.toString());
    }
  }
}
