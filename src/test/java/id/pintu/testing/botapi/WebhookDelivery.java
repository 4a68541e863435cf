package id.pintu.testing.botapi;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
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
 *
 * <p>Behind a load balancer ({@link #balance}): like Telegram's own Bot API server, several
 * updates are in flight at once (up to {@code maxConnections}), but at most one per chat and
 * a chat's next update only after the previous one was accepted; each goes to one of the
 * nodes' addresses at random, and one a node refused or dropped goes to another node next.
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
  private volatile List<String> targets = List.of();
  private volatile int maxConnections = 8;
  private final java.util.Random random = new java.util.Random();
  private final java.util.Set<Long> chatsInFlight = new java.util.HashSet<>();
  private final java.util.Map<Integer, Long> notBeforeNanos = new java.util.HashMap<>();
  private final java.util.Map<Integer, String> failedAt = new java.util.HashMap<>();
  private final java.util.Map<Integer, Integer> failuresOf = new java.util.HashMap<>();
  private final java.util.Map<String, Integer> deliveredTo = new java.util.HashMap<>();
  /** Each queued update's chat, read from its JSON once (the queue is scanned on every completion). */
  private final java.util.Map<Integer, Long> chatOfUpdate = new java.util.HashMap<>();
  private int balancedInFlight;
  private boolean timerSet;

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

  /** Deliver to these addresses at random instead of the registered one; empty turns it off. */
  void balance(List<String> urls, int connections) {
    targets = List.copyOf(urls);
    maxConnections = Math.max(1, connections);
  }

  /** Updates accepted per address (balanced delivery). */
  java.util.Map<String, Integer> deliveredTo() {
    synchronized (lock) {
      return java.util.Map.copyOf(deliveredTo);
    }
  }

  /** Starts a delivery if one is due and none is under way. */
  void kick() {
    if (!targets.isEmpty()) {
      kickBalanced();
      return;
    }
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
    post(url, secret, next).onComplete(result -> {
      inFlight = false;
      int status = result.succeeded() ? result.result() : 0;
      String error = failure(result);
      boolean delivered = error == null;
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

  /** POSTs one update to a webhook as Telegram does; completes with the HTTP status, or fails when there is no answer. */
  private Future<Integer> post(String url, String secret, UpdateQueue.Pending next) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
        .setAbsoluteURI(url).setIdleTimeout(10_000).putHeader("content-type", "application/json");
    if (secret != null) {
      options.putHeader("X-Telegram-Bot-Api-Secret-Token", secret);
    }
    return client.request(options)
        .compose(request -> request.send(next.json()))
        .compose(response -> response.body().map(body -> response.statusCode()));
  }

  /** Why a delivery failed, in Telegram's words for getWebhookInfo; null when the webhook took it (2xx). */
  private static String failure(AsyncResult<Integer> result) {
    if (!result.succeeded()) {
      return "Connection failed: " + result.cause().getMessage();
    }
    int status = result.result();
    return status >= 200 && status < 300 ? null : "Wrong response from the webhook: " + status;
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

  private void kickBalanced() {
    if (closed) {
      return;
    }
    List<UpdateQueue.Pending> queued;
    String secret;
    synchronized (lock) {
      if (!updates.webhookActive() || updates.first() == null) {
        return;
      }
      queued = updates.peek(Integer.MAX_VALUE);
      secret = updates.secretToken();
    }
    if (failures.inOutage()) {
      wakeAfter(retryDelay.toMillis());
      return;
    }
    long now = System.nanoTime();
    long soonest = Long.MAX_VALUE;
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (UpdateQueue.Pending p : queued) {
      if (balancedInFlight >= maxConnections) {
        break;
      }
      long chat = chatOfUpdate.computeIfAbsent(p.updateId(), id -> chatOf(p.json()));
      boolean first = seen.add(chat); // only a chat's oldest queued update may go
      if (!first || chatsInFlight.contains(chat)) {
        continue;
      }
      Long due = notBeforeNanos.get(p.updateId());
      if (due != null && due > now) {
        soonest = Math.min(soonest, due);
        continue;
      }
      send(p, chat, secret);
    }
    if (soonest != Long.MAX_VALUE) {
      wakeAfter(Math.max(1, (soonest - now) / 1_000_000));
    }
  }

  private void send(UpdateQueue.Pending next, long chat, String secret) {
    List<String> all = targets;
    String avoid = failedAt.get(next.updateId());
    List<String> choice = all.size() > 1 && avoid != null ? all.stream().filter(u -> !u.equals(avoid)).toList() : all;
    String url = choice.get(random.nextInt(choice.size()));
    balancedInFlight++;
    chatsInFlight.add(chat);
    post(url, secret, next).onComplete(result -> {
      balancedInFlight--;
      chatsInFlight.remove(chat);
      int status = result.succeeded() ? result.result() : 0;
      String error = failure(result);
      boolean delivered = error == null;
      synchronized (lock) {
        attempts.add(new WebhookAttempt(next.updateId(), status, error, Instant.now()));
        if (delivered) {
          updates.confirm(next.updateId());
          deliveredTo.merge(url, 1, Integer::sum);
        } else {
          updates.webhookFailed(BotApiMethods.now(), error);
        }
        lock.notifyAll();
      }
      if (delivered) {
        notBeforeNanos.remove(next.updateId());
        chatOfUpdate.remove(next.updateId());
        failedAt.remove(next.updateId());
        failuresOf.remove(next.updateId());
      } else {
        int n = failuresOf.merge(next.updateId(), 1, Integer::sum);
        failedAt.put(next.updateId(), url);
        long base = Math.max(1, retryDelay.toMillis());
        notBeforeNanos.put(next.updateId(), System.nanoTime() + Math.min(base << Math.min(n - 1, 5), 2_000) * 1_000_000);
      }
      kickBalanced();
    });
  }

  private void wakeAfter(long millis) {
    if (timerSet || closed) {
      return;
    }
    timerSet = true;
    vertx.setTimer(Math.max(1, millis), id -> {
      timerSet = false;
      kickBalanced();
    });
  }

  /** The chat an update belongs to (a message's or a pressed button's), 0 when none. */
  private static long chatOf(String json) {
    try {
      io.vertx.core.json.JsonObject u = new io.vertx.core.json.JsonObject(json);
      for (String k : new String[] {"message", "edited_message", "channel_post"}) {
        io.vertx.core.json.JsonObject m = u.getJsonObject(k);
        if (m != null && m.getJsonObject("chat") != null) {
          return m.getJsonObject("chat").getLong("id");
        }
      }
      io.vertx.core.json.JsonObject cb = u.getJsonObject("callback_query");
      if (cb != null && cb.getJsonObject("message") != null) {
        return cb.getJsonObject("message").getJsonObject("chat").getLong("id");
      }
    } catch (RuntimeException e) {
      // not JSON: its own lane
    }
    return 0;
  }

  List<WebhookAttempt> attempts() {
    return List.copyOf(attempts);
  }

  void close() {
    closed = true;
    client.close();
  }
}
