package id.pintu.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Asks Telegram {@code getWebhookInfo} every few seconds on its own thread (a cheap call that
 * answers in both modes): whether Telegram is reachable, how many updates it holds for us,
 * and whether our webhook is registered. Readers get the last answer at once; nothing that
 * serves HTTP ever waits for Telegram.
 */
public final class TelegramProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TelegramProbe.class);

  /**
   * What the last checks found.
   *
   * @param downSince the first failed check since the last good one; null while reachable
   * @param lastError why the last check failed (a status code or exception name; no URLs, no token)
   * @param webhookUrl the address Telegram posts updates to ("" in long polling); null until a check answered
   * @param pendingUpdates updates Telegram holds that we have not yet taken
   * @param webhookError Telegram's last error delivering to our webhook, and when
   */
  public record Status(Instant checkedAt, Instant lastOkAt, Instant downSince, String lastError, String webhookUrl,
                       Integer pendingUpdates, String webhookError, Instant webhookErrorAt) {
    public boolean reachable() {
      return downSince == null;
    }

    /** How long Telegram has been unreachable at {@code now} (zero while reachable). */
    public Duration downFor(Instant now) {
      return downSince == null || now.isBefore(downSince) ? Duration.ZERO : Duration.between(downSince, now);
    }
  }

  private final TelegramClient client;
  private final Clock clock;
  private volatile Status status;
  private ScheduledExecutorService thread;
  private volatile boolean closed;

  /** {@code reachableAt}: when Telegram last answered (e.g. the start-up getMe). */
  public TelegramProbe(TelegramClient client, Clock clock, Instant reachableAt) {
    this.client = client;
    this.clock = clock;
    this.status = new Status(null, reachableAt, null, null, null, null, null, null);
  }

  public Status status() {
    return status;
  }

  public void start(long everySeconds) {
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pintu-telegram-check");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::check, 0, Math.max(1, everySeconds), TimeUnit.SECONDS);
  }

  /** One check (on the probe's thread; public for a first check at start). */
  public void check() {
    Status before = status;
    try {
      WebhookInfo w = client.execute(new GetWebhookInfo());
      Instant now = clock.instant();
      String error = w.getLastErrorMessage();
      Instant errorAt = w.getLastErrorDate() == null || w.getLastErrorDate() == 0 ? null : Instant.ofEpochSecond(w.getLastErrorDate());
      status = new Status(now, now, null, null, w.getUrl() == null ? "" : w.getUrl(), w.getPendingUpdatesCount(), error, errorAt);
      if (!before.reachable()) LOG.info("Telegram is reachable again (it was not since {})", before.downSince());
    } catch (TelegramApiRequestException e) {
      failed(before, "http " + e.getErrorCode());
    } catch (Exception e) {
      failed(before, e.getClass().getSimpleName() + (e.getCause() == null ? "" : ": " + e.getCause().getClass().getSimpleName()));
    }
  }

  private void failed(Status before, String why) {
    if (closed) return; // the stop interrupted the check: not Telegram's failure
    Instant now = clock.instant();
    Instant since = before.downSince() == null ? now : before.downSince();
    status = new Status(now, before.lastOkAt(), since, why, before.webhookUrl(), before.pendingUpdates(), before.webhookError(),
        before.webhookErrorAt());
    if (before.reachable()) LOG.warn("Telegram did not answer getWebhookInfo ({})", why);
  }

  @Override
  public void close() {
    closed = true;
    if (thread != null) thread.shutdownNow();
  }
}
