package id.pintu.testing.botapi;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * A local stand-in for Telegram's Bot API, good enough for the real TelegramBots client
 * and long-polling application. It listens on 127.0.0.1 on a free port and answers
 * {@code POST /bot<token>/<method>} (JSON, form or multipart bodies; method names in any
 * case), enforces Telegram's limits, fails on demand ({@link #failures()}), lets tests act
 * as families and counselors, and records everything.
 *
 * <p>The server runs on its own verticle context. Every public method may be called from
 * any thread except that context; the blocking {@code await...} helpers are for test
 * threads.
 */
public final class BotApiDouble extends VerticleBase {
  private static final String CONFLICT_OTHER_POLL = "Conflict: terminated by other getUpdates"
      + " request; make sure that only one bot instance is running";
  private static final String CONFLICT_WEBHOOK = "Conflict: can't use getUpdates method while"
      + " webhook is active; use deleteWebhook to delete the webhook first";

  private final String token;
  private final Object lock = new Object();
  private final ChatBook chats = new ChatBook();
  private final UpdateQueue updates = new UpdateQueue();
  private final FailurePlan failures = new FailurePlan();
  private final FloodControl flood;
  private final BotApiMethods methods;
  private final List<RecordedCall> calls = new ArrayList<>();
  private final List<HttpServerRequest> heldForever = new ArrayList<>();
  private final AtomicLong seq = new AtomicLong();
  private int tooManyRequestsAnswered;
  private LongPoll waitingPoll;
  private WebhookDelivery webhook;
  private HttpServer server;
  private volatile Context home;

  /** A getUpdates request waiting for an update or its timeout. */
  private record LongPoll(HttpServerRequest request, Arrival arrival, int limit, long timerId) {
  }

  /** What is known of a request when it arrives. */
  private record Arrival(long seq, String method, JsonObject params, Instant at, Long chatId,
                         long nanos) {
  }

  private BotApiDouble(String token, RateLimits limits) {
    this.token = token;
    this.flood = new FloodControl(limits);
    this.methods = new BotApiMethods(chats, updates, botIdOf(token));
  }

  /** Starts a double with Telegram-like rate limits. */
  public static Future<BotApiDouble> start(Vertx vertx, String token) {
    return start(vertx, token, RateLimits.telegramLike());
  }

  public static Future<BotApiDouble> start(Vertx vertx, String token, RateLimits limits) {
    BotApiDouble api = new BotApiDouble(token, limits);
    return vertx.deployVerticle(api).map(id -> api);
  }

  @Override
  public Future<?> start() {
    home = context;
    webhook = new WebhookDelivery(vertx, lock, updates, failures);
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(this::handle)
        .listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    webhook.close();
    synchronized (lock) {
      heldForever.forEach(request -> request.connection().close());
      heldForever.clear();
    }
    return server.close();
  }

  /** Stops the server (held requests are cut off). */
  public Future<Void> close() {
    return vertx.undeploy(deploymentID());
  }

  public int port() {
    return server.actualPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** What TelegramBots needs to reach this double. */
  public TelegramUrl telegramUrl() {
    return new TelegramUrl("http", "127.0.0.1", port(), false);
  }

  public String token() {
    return token;
  }

  public FailurePlan failures() {
    return failures;
  }

  public void rateLimits(RateLimits limits) {
    synchronized (lock) {
      flood.limits(limits);
    }
  }

  /**
   * Delivers webhook updates like Telegram to a load balancer in front of several nodes:
   * each update to one of {@code urls} at random, up to {@code connections} at once but one
   * per chat and in order per chat; an update a node refused or dropped goes to another.
   * Active while a webhook is set (any address: these replace it).
   */
  public void balanceWebhook(List<String> urls, int connections) {
    webhook.balance(urls, connections);
    updatesChanged();
  }

  /** How many updates each address accepted (balanced webhook delivery). */
  public java.util.Map<String, Integer> webhookDeliveredTo() {
    return webhook.deliveredTo();
  }

  /** Pause before the first webhook redelivery (it grows with each failure, up to 2 s). */
  public void webhookRetryDelay(Duration delay) {
    webhook.retryDelay(delay);
  }

  // ---- chats ----

  /** The user blocked the bot: sends answer 403. */
  public void blockChat(long chatId) {
    synchronized (lock) {
      chats.block(chatId, true);
    }
  }

  public void unblockChat(long chatId) {
    synchronized (lock) {
      chats.block(chatId, false);
    }
  }

  /** Telegram does not know the chat (deleted account, wrong id): 400 chat not found. */
  public void forgetChat(long chatId) {
    synchronized (lock) {
      chats.forget(chatId);
    }
  }

  /** The newest message id in the chat, the users' and the bot's alike. */
  public int lastMessageId(long chatId) {
    synchronized (lock) {
      return chats.lastMessageId(chatId);
    }
  }

  // ---- driving updates ----

  /** Queues raw JSON verbatim (it may be malformed); returns the update_id it is tracked by. */
  public int pushUpdate(String rawJson) {
    int id;
    synchronized (lock) {
      id = updates.pushRaw(rawJson);
    }
    updatesChanged();
    return id;
  }

  /** A family member writes in their private chat (user id = chat id). */
  public int sendText(long chatId, String text) {
    return userMessage(chatId, chatId, null, m -> m.put("text", text));
  }

  /**
   * A text the family wrote at {@code epochSeconds} (Telegram's {@code date}), e.g. one Telegram
   * held during an outage and hands over late, or with a clock gone wrong.
   */
  public int sendTextAt(long chatId, String text, long epochSeconds) {
    return userMessage(chatId, chatId, null, epochSeconds, m -> m.put("text", text));
  }

  public int sendPhoto(long chatId, String caption) {
    return userMessage(chatId, chatId, null, m -> {
      m.put("photo", UpdateFactory.photoSizes("photo-" + m.getInteger("message_id")));
      if (caption != null) {
        m.put("caption", caption);
      }
    });
  }

  public int sendSticker(long chatId, String emoji) {
    return userMessage(chatId, chatId, null, m -> m.put("sticker",
        UpdateFactory.sticker("sticker-" + m.getInteger("message_id"), emoji)));
  }

  public int sendVoice(long chatId, int seconds) {
    return userMessage(chatId, chatId, null, m -> m.put("voice",
        UpdateFactory.voice("voice-" + m.getInteger("message_id"), seconds)));
  }

  public int sendDocument(long chatId, String fileName, String mimeType) {
    return userMessage(chatId, chatId, null, m -> m.put("document",
        UpdateFactory.document("doc-" + m.getInteger("message_id"), fileName, mimeType)));
  }

  public int sendLocation(long chatId, double latitude, double longitude) {
    return userMessage(chatId, chatId, null,
        m -> m.put("location", UpdateFactory.location(latitude, longitude)));
  }

  /** The user shares their own phone number. */
  public int sendContact(long chatId, String phone) {
    return userMessage(chatId, chatId, null,
        m -> m.put("contact", UpdateFactory.contact(chatId, phone)));
  }

  /** A member of a forum supergroup writes in a topic (the topic is made to exist). */
  public int sendToTopic(long groupId, int threadId, long fromUserId, String text) {
    synchronized (lock) {
      chats.openTopic(groupId, threadId);
    }
    return userMessage(groupId, fromUserId, threadId, m -> m.put("text", text));
  }

  /** A member of a forum supergroup posts a photo in a topic. */
  public int sendPhotoToTopic(long groupId, int threadId, long fromUserId, String caption) {
    synchronized (lock) {
      chats.openTopic(groupId, threadId);
    }
    return userMessage(groupId, fromUserId, threadId, m -> {
      m.put("photo", UpdateFactory.photoSizes("photo-" + m.getInteger("message_id")));
      if (caption != null) {
        m.put("caption", caption);
      }
    });
  }

  /** The user edits a text message they sent earlier: an edited_message update. */
  public int editText(long chatId, int messageId, String newText) {
    int id;
    synchronized (lock) {
      JsonObject original = chats.message(chatId, messageId);
      if (original == null) {
        throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
      }
      JsonObject edited = original.copy().put("text", newText)
          .put("edit_date", BotApiMethods.now());
      chats.store(chatId, edited);
      id = updates.nextUpdateId();
      updates.pushRaw(UpdateFactory.update(id, "edited_message", edited).encode());
    }
    updatesChanged();
    return id;
  }

  /** How many button presses (callback queries) users made so far. */
  public int buttonPresses() {
    synchronized (lock) {
      return chats.callbackQueriesIssued();
    }
  }

  /** The user presses an inline button under one of the bot's messages. */
  public int pressButton(long chatId, int messageId, String callbackData) {
    return pressButtonAs(chatId, messageId, chatId, callbackData);
  }

  /**
   * The update a press of an inline button would cause, as JSON, without delivering it: for a
   * test that delivers it to a node of its choosing. The callback query id is valid.
   */
  public String buttonPressUpdate(long chatId, int messageId, long fromUserId, String callbackData) {
    synchronized (lock) {
      JsonObject message = chats.message(chatId, messageId);
      if (message == null) {
        throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
      }
      int id = updates.nextUpdateId();
      String queryId = "cbq-" + id;
      chats.issueCallbackQuery(queryId);
      JsonObject query = new JsonObject().put("id", queryId)
          .put("from", UpdateFactory.person(fromUserId)).put("message", message)
          .put("chat_instance", "ci" + chatId).put("data", callbackData);
      return UpdateFactory.update(id, "callback_query", query).encode();
    }
  }

  /** A member of a group (e.g. a counselor in the staff chat) presses an inline button. */
  public int pressButtonAs(long chatId, int messageId, long fromUserId, String callbackData) {
    int id;
    synchronized (lock) {
      JsonObject message = chats.message(chatId, messageId);
      if (message == null) {
        throw new IllegalArgumentException("no message " + messageId + " in chat " + chatId);
      }
      id = updates.nextUpdateId();
      String queryId = "cbq-" + id;
      chats.issueCallbackQuery(queryId);
      JsonObject query = new JsonObject().put("id", queryId)
          .put("from", UpdateFactory.person(fromUserId)).put("message", message)
          .put("chat_instance", "ci" + chatId).put("data", callbackData);
      updates.pushRaw(UpdateFactory.update(id, "callback_query", query).encode());
    }
    updatesChanged();
    return id;
  }

  private int userMessage(long chatId, long fromUserId, Integer threadId,
                          java.util.function.Consumer<JsonObject> content) {
    return userMessage(chatId, fromUserId, threadId, BotApiMethods.now(), content);
  }

  private int userMessage(long chatId, long fromUserId, Integer threadId, long epochSeconds,
                          java.util.function.Consumer<JsonObject> content) {
    int id;
    synchronized (lock) {
      JsonObject message = UpdateFactory.message(chatId, chats.nextMessageId(chatId),
          UpdateFactory.person(fromUserId), epochSeconds);
      if (threadId != null) {
        message.put("message_thread_id", threadId).put("is_topic_message", true);
      }
      content.accept(message);
      chats.store(chatId, message);
      id = updates.nextUpdateId();
      updates.pushRaw(UpdateFactory.update(id, "message", message).encode());
    }
    updatesChanged();
    return id;
  }

  /** Updates not yet confirmed by an offset or a webhook 2xx. */
  public int pendingUpdates() {
    synchronized (lock) {
      return updates.size();
    }
  }

  // ---- readers ----

  /**
   * Tells {@code listener} of every new bot message the moment it is accepted, without the
   * cost of {@link #messagesTo}. Runs on the double's context under its lock: it must only
   * hand the message on (load drivers use it), never block or call back into the double.
   */
  public void onMessageSent(java.util.function.Consumer<SentMessage> listener) {
    synchronized (lock) {
      chats.sentListener(listener);
    }
  }

  /** The bot's new messages in a chat (not edits), in the order they were accepted. */
  public List<SentMessage> messagesTo(long chatId) {
    synchronized (lock) {
      return chats.sentTo(chatId);
    }
  }

  public List<SentMessage> editsIn(long chatId) {
    synchronized (lock) {
      return chats.editsIn(chatId);
    }
  }

  /** Every new message the bot sent, in the order accepted. */
  public List<SentMessage> allMessages() {
    synchronized (lock) {
      return chats.allSent();
    }
  }

  /** Blocks until the chat has at least {@code n} messages from the bot; fails otherwise. */
  public List<SentMessage> awaitMessages(long chatId, int n, Duration timeout) {
    return await(() -> {
      List<SentMessage> sent = chats.sentTo(chatId);
      return sent.size() >= n ? sent : null;
    }, timeout, () -> n + " messages to chat " + chatId + ", got " + chats.sentTo(chatId));
  }

  /** Blocks until {@code n} calls of a method were answered. */
  public List<RecordedCall> awaitCalls(String method, int n, Duration timeout) {
    return await(() -> {
      List<RecordedCall> found = callsOfLocked(method);
      return found.size() >= n ? found : null;
    }, timeout, () -> n + " calls of " + method + ", got " + callsOfLocked(method).size());
  }

  public List<WebhookAttempt> awaitWebhookAttempts(int n, Duration timeout) {
    return await(() -> webhook.attempts().size() >= n ? webhook.attempts() : null,
        timeout, () -> n + " webhook attempts, got " + webhook.attempts());
  }

  /** Every answered (or deliberately unanswered) request, in arrival order. */
  public List<RecordedCall> calls() {
    synchronized (lock) {
      return calls.stream().sorted(Comparator.comparingLong(RecordedCall::seq)).toList();
    }
  }

  /** Calls of one method, matched case-insensitively. */
  public List<RecordedCall> callsOf(String method) {
    synchronized (lock) {
      return callsOfLocked(method);
    }
  }

  public int tooManyRequestsAnswered() {
    synchronized (lock) {
      return tooManyRequestsAnswered;
    }
  }

  /** Sending calls that arrived while an announced retry_after had not yet passed. */
  public int violationsInsideRetryAfter() {
    synchronized (lock) {
      return flood.violations();
    }
  }

  public int violationsInsideRetryAfter(long chatId) {
    synchronized (lock) {
      return flood.violations(chatId);
    }
  }

  public List<WebhookAttempt> webhookAttempts() {
    synchronized (lock) {
      return webhook.attempts();
    }
  }

  private List<RecordedCall> callsOfLocked(String method) {
    return calls.stream().filter(c -> c.method().equalsIgnoreCase(method))
        .sorted(Comparator.comparingLong(RecordedCall::seq)).toList();
  }

  private <T> T await(Supplier<T> check, Duration timeout, Supplier<String> expected) {
    if (Vertx.currentContext() == home) {
      throw new IllegalStateException("await on the double's own context would deadlock");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        T result = check.get();
        if (result != null) {
          return result;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("timed out after " + timeout + " waiting for "
              + expected.get());
        }
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  private void updatesChanged() {
    Context context = home;
    if (context != null) {
      context.runOnContext(v -> {
        serveWaitingPoll();
        webhook.kick();
      });
    }
  }

  // ---- serving requests (on the double's context) ----

  private void handle(HttpServerRequest request) {
    Instant at = Instant.now();
    long nanos = System.nanoTime();
    String path = request.path();
    String prefix = "/bot" + token + "/";
    if (!path.startsWith("/bot")) {
      request.response().setStatusCode(404).putHeader("content-type", "application/json")
          .end("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
      return;
    }
    String requested = path.substring(path.indexOf('/', 1) + 1);
    readParams(request).onComplete(read -> {
      JsonObject params = read.succeeded() ? read.result() : new JsonObject();
      String method = BotApiMethods.canonical(requested);
      Long chatId = BotApiMethods.longValue(params.getValue("chat_id"));
      Arrival arrival = new Arrival(seq.incrementAndGet(), method != null ? method : requested,
          params, at, chatId, nanos);
      if (!path.startsWith(prefix) || requested.contains("/")) {
        answer(request, arrival, new BotApiError(401, "Unauthorized", null), 0);
      } else if (read.failed()) {
        answer(request, arrival, BotApiError.badRequest("can't parse JSON object"), 0);
      } else {
        process(request, arrival);
      }
    });
  }

  private void process(HttpServerRequest request, Arrival arrival) {
    boolean sending = BotApiMethods.SENDING.contains(arrival.method());
    if (sending && arrival.chatId() != null) {
      synchronized (lock) {
        flood.noteArrival(arrival.chatId(), arrival.nanos());
      }
    }
    FailurePlan.Fault fault = failures.decide(arrival.method(), sending);
    boolean loseAnswer = fault.silence() == FailurePlan.Silence.LOSE_ANSWER;
    if (fault.silence() != null && !loseAnswer) {
      boolean close = fault.silence() == FailurePlan.Silence.CLOSE_CONNECTION;
      record(arrival, close ? RecordedCall.DROPPED : RecordedCall.NO_ANSWER, null);
      if (close) {
        request.connection().close();
      } else {
        synchronized (lock) {
          heldForever.add(request);
        }
      }
      return;
    }
    if (fault.error() != null) {
      answer(request, arrival, fault.error(), fault.delayMillis());
      return;
    }
    if (arrival.method().equals("getUpdates")) {
      poll(request, arrival, fault.delayMillis());
      return;
    }
    Object result;
    try {
      synchronized (lock) {
        result = methods.call(arrival.method(), arrival.params(),
            chatId -> admit(chatId, arrival.nanos()));
        lock.notifyAll();
      }
      if (loseAnswer) {
        record(arrival, RecordedCall.DROPPED, null);
        request.connection().close();
        return;
      }
    } catch (BotApiError error) {
      answer(request, arrival, error, fault.delayMillis());
      return;
    } catch (RuntimeException bad) {
      answer(request, arrival, BotApiError.badRequest(bad.toString()), fault.delayMillis());
      return;
    }
    answer(request, arrival, result, fault.delayMillis());
    if (arrival.method().endsWith("Webhook")) {
      webhook.kick();
    }
  }

  /** Called under the lock by sending methods once their request is valid. */
  private void admit(long chatId, long nanos) {
    int remaining = flood.remainingRetryAfter(chatId, nanos);
    if (remaining > 0) {
      throw BotApiError.tooManyRequests(remaining);
    }
    int retryAfter = flood.admit(chatId, nanos);
    if (retryAfter > 0) {
      throw BotApiError.tooManyRequests(retryAfter);
    }
  }

  private void poll(HttpServerRequest request, Arrival arrival, long delayMillis) {
    JsonObject p = arrival.params();
    Long offset = BotApiMethods.longValue(p.getValue("offset"));
    Integer limitParam = BotApiMethods.integer(p, "limit");
    int limit = limitParam == null || limitParam < 1 || limitParam > 100 ? 100 : limitParam;
    Integer timeoutParam = BotApiMethods.integer(p, "timeout");
    int timeout = timeoutParam == null || timeoutParam < 0 ? 0 : timeoutParam;
    LongPoll previous;
    List<UpdateQueue.Pending> batch;
    synchronized (lock) {
      if (updates.webhookActive()) {
        batch = null;
        previous = null;
      } else {
        if (offset != null && offset > 0) {
          updates.confirmBelow(offset);
        }
        previous = waitingPoll;
        waitingPoll = null;
        batch = updates.peek(limit);
      }
    }
    if (batch == null) {
      answer(request, arrival, new BotApiError(409, CONFLICT_WEBHOOK, null), delayMillis);
      return;
    }
    if (previous != null) {
      vertx.cancelTimer(previous.timerId());
      answer(previous.request(), previous.arrival(),
          new BotApiError(409, CONFLICT_OTHER_POLL, null), 0);
    }
    if (!batch.isEmpty() || timeout == 0) {
      answerUpdates(request, arrival, batch, delayMillis);
      return;
    }
    long timer = vertx.setTimer(timeout * 1000L, id -> {
      synchronized (lock) {
        if (waitingPoll == null || waitingPoll.request() != request) {
          return;
        }
        waitingPoll = null;
      }
      answerUpdates(request, arrival, List.of(), delayMillis);
    });
    synchronized (lock) {
      waitingPoll = new LongPoll(request, arrival, limit, timer);
    }
    request.response().closeHandler(v -> {
      synchronized (lock) {
        if (waitingPoll != null && waitingPoll.request() == request) {
          waitingPoll = null;
          vertx.cancelTimer(timer);
        }
      }
    });
  }

  private void serveWaitingPoll() {
    LongPoll poll;
    List<UpdateQueue.Pending> batch;
    synchronized (lock) {
      if (waitingPoll == null || updates.size() == 0) {
        return;
      }
      poll = waitingPoll;
      waitingPoll = null;
      batch = updates.peek(poll.limit());
    }
    vertx.cancelTimer(poll.timerId());
    answerUpdates(poll.request(), poll.arrival(), batch, 0);
  }

  private void answerUpdates(HttpServerRequest request, Arrival arrival,
                             List<UpdateQueue.Pending> batch, long delayMillis) {
    StringBuilder body = new StringBuilder("{\"ok\":true,\"result\":[");
    for (int i = 0; i < batch.size(); i++) {
      body.append(i == 0 ? "" : ",").append(batch.get(i).json());
    }
    send(request, arrival, 200, null, body.append("]}").toString(), delayMillis);
  }

  private void answer(HttpServerRequest request, Arrival arrival, Object result,
                      long delayMillis) {
    if (result instanceof BotApiError error) {
      if (error.status == 429 && arrival.chatId() != null) {
        synchronized (lock) {
          tooManyRequestsAnswered++;
          flood.noteRetryAfterAnswered(arrival.chatId(), error.retryAfter, arrival.nanos());
        }
      } else if (error.status == 429) {
        synchronized (lock) {
          tooManyRequestsAnswered++;
        }
      }
      send(request, arrival, error.status, error.description, error.toJson().encode(),
          delayMillis);
      return;
    }
    String encoded = result instanceof JsonObject o ? o.encode()
        : result instanceof JsonArray a ? a.encode() : String.valueOf(result);
    send(request, arrival, 200, null, "{\"ok\":true,\"result\":" + encoded + "}", delayMillis);
  }

  private void send(HttpServerRequest request, Arrival arrival, int status, String description,
                    String body, long delayMillis) {
    record(arrival, status, description);
    Runnable write = () -> {
      if (!request.response().closed() && !request.response().ended()) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
            .end(body);
      }
    };
    if (delayMillis > 0) {
      vertx.setTimer(delayMillis, id -> write.run());
    } else {
      write.run();
    }
  }

  private void record(Arrival arrival, int status, String description) {
    synchronized (lock) {
      calls.add(new RecordedCall(arrival.seq(), arrival.method(), arrival.params().encode(),
          arrival.at(), arrival.chatId(), status, description));
      lock.notifyAll();
    }
  }

  /** The request's parameters: query string, then JSON body or form/multipart fields. */
  private static Future<JsonObject> readParams(HttpServerRequest request) {
    JsonObject params = new JsonObject();
    request.params().forEach(e -> params.put(e.getKey(), e.getValue()));
    String type = String.valueOf(request.getHeader("content-type")).toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/form-data")
        || type.startsWith("application/x-www-form-urlencoded")) {
      request.setExpectMultipart(true);
      request.uploadHandler(upload -> {
        params.put(upload.name(), "attach://" + upload.filename());
        upload.handler(chunk -> { });
      });
      return request.end().map(v -> {
        MultiMap form = request.formAttributes();
        form.forEach(e -> params.put(e.getKey(), formValue(e.getValue())));
        return params;
      });
    }
    return request.body().map(buffer -> {
      if (buffer.length() > 0) {
        params.mergeIn(new JsonObject(buffer));
      }
      return params;
    });
  }

  /** Form fields carry objects (reply_markup, ...) as JSON text. */
  private static Object formValue(String value) {
    String trimmed = value.trim();
    try {
      if (trimmed.startsWith("{")) {
        return new JsonObject(trimmed);
      }
      if (trimmed.startsWith("[")) {
        return new JsonArray(trimmed);
      }
    } catch (DecodeException e) {
      return value;
    }
    return value;
  }

  private static long botIdOf(String token) {
    int colon = token.indexOf(':');
    try {
      return Long.parseLong(colon > 0 ? token.substring(0, colon) : token);
    } catch (NumberFormatException e) {
      return 1_000_000L;
    }
  }
}
