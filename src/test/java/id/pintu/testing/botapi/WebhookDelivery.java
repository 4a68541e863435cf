package id.pintu.testing.botapi;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes queued updates to the webhook like Telegram: one at a time, in order, with the
 * secret header; an update leaves the queue only on a 2xx, otherwise it is retried after
 * a short, growing pause. Runs on the double's context; {@link #kick()} must be called
 * there.
 */
final class WebhookDelivery {
  private final Vertx vertx;
  private final Object lock;
  private final UpdateQueue updates;
  private final FailurePlan failures;
  private final HttpClient client;
  private final List<WebhookAttempt> attempts = new ArrayList<>();
  private volatile Duration retryDelay = Duration.ofMillis(100);
  private boolean inFlight;
  private boolean waiting;
  private int failuresInRow;
  private boolean closed;

  WebhookDelivery(Vertx vertx, Object lock, UpdateQueue updates, FailurePlan failures) {
    this.vertx = vertx;
    this.lock = lock;
    this.updates = updates;
    this.failures = failures;
    this.client = vertx.createHttpClient();
  }

  void retryDelay(Duration delay) {
    retryDelay = delay;
  }

  /** Starts a delivery if one is due and none is under way. */
  void kick() {
    if (inFlight || waiting || closed) {
      return;
    }
    String url;
    String secret;
    UpdateQueue.Pending next;
    synchronized (lock) {
      if (!updates.webhookActive() || updates.first() == null) {
        return;
      }
      if (failures.inOutage()) {
        retryLater();
        return;
      }
      url = updates.webhookUrl();
      secret = updates.secretToken();
      next = updates.first();
    }
    inFlight = true;
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(url).setIdleTimeout(10_000).putHeader("content-type", "application/json");
    if (secret != null) {
      options.putHeader("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    client.request(options)
        .compose(request -> request.send(next.json()))
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(result -> {
          inFlight = false;
          int status = result.succeeded() ? result.result() : 0;
          boolean delivered = status >= 200 && status < 300;
          String error = delivered ? null : result.succeeded()
              ? "Wrong response from the webhook: " + status
              : "Connection failed: " + result.cause().getMessage();
          synchronized (lock) {
            attempts.add(new WebhookAttempt(next.updateId(), status, error, Instant.now()));
            if (delivered) {
              updates.confirm(next.updateId());
            } else {
              updates.webhookFailed(BotApiMethods.now(), error);
            }
            lock.notifyAll();
          }
          if (delivered) {
            failuresInRow = 0;
            kick();
          } else {
            failuresInRow++;
            retryLater();
          }
        });
  }

  private void retryLater() {
    waiting = true;
    long base = Math.max(1, retryDelay.toMillis());
    long delay = Math.min(base << Math.min(failuresInRow, 5), Math.max(base, 2_000));
    vertx.setTimer(delay, id -> {
      waiting = false;
      kick();
    });
  }

  List<WebhookAttempt> attempts() {
    return List.copyOf(attempts);
  }

  void close() {
    closed = true;
    client.close();
  }
}
