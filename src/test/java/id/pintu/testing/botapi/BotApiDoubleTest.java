package id.pintu.testing.botapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

class BotApiDoubleTest {
  private static final String TOKEN = "123456:TEST-token";
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long FAMILY = 5_550_001L;
  private static final long STAFF_GROUP = -1_001_234_567_890L;

  private static Vertx vertx;
  private BotApiDouble api;
  private OkHttpTelegramClient client;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    get(vertx.close());
  }

  @BeforeEach
  void startDouble() throws Exception {
    api = get(BotApiDouble.start(vertx, TOKEN));
    client = new OkHttpTelegramClient(TOKEN, api.telegramUrl());
  }

  @AfterEach
  void closeDouble() throws Exception {
    get(api.close());
  }

  @Test
  void getMeAnswersTheBotFromTheToken() throws Exception {
    User me = client.execute(new GetMe());
    assertEquals(123456L, me.getId());
    assertTrue(me.getIsBot());
    assertEquals("getMe", api.callsOf("getme").get(0).method());
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    var stranger = new OkHttpTelegramClient("999:wrong", api.telegramUrl());
    var e = assertThrows(TelegramApiRequestException.class, () -> stranger.execute(new GetMe()));
    assertEquals(401, e.getErrorCode());
    assertEquals(401, api.calls().get(0).status());
  }

  @Test
  void sendMessageReturnsTheMessageAndRecordsIt() throws Exception {
    var markup = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("Ya").callbackData("consent:yes").build())).build();
    Message first = client.execute(SendMessage.builder().chatId(FAMILY).text("Halo, Ibu")
        .replyMarkup(markup).build());
    Message second = client.execute(new SendMessage(String.valueOf(FAMILY), "Apa kabar?"));

    assertEquals("Halo, Ibu", first.getText());
    assertEquals(FAMILY, first.getChatId());
    assertEquals(first.getMessageId() + 1, second.getMessageId());
    assertEquals("consent:yes", first.getReplyMarkup().getKeyboard().get(0).get(0)
        .getCallbackData());
    List<SentMessage> sent = api.messagesTo(FAMILY);
    assertEquals(List.of("Halo, Ibu", "Apa kabar?"), sent.stream().map(SentMessage::text)
        .toList());
    assertTrue(sent.get(0).replyMarkupJson().contains("consent:yes"));
  }

  @Test
  void validatesLikeTelegram() throws Exception {
    assertEquals("Bad Request: message text is empty",
        raw("sendMessage", new JsonObject().put("chat_id", FAMILY).put("text", "  "))
            .getString("description"));
    assertEquals("Bad Request: message is too long",
        raw("sendMessage", new JsonObject().put("chat_id", FAMILY).put("text", "a".repeat(4097)))
            .getString("description"));
    // 22 x "ü" = 44 bytes + prefix: fits in characters, not in bytes.
    String data = "pilih:" + "ü".repeat(30);
    var markup = InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("x").callbackData(data).build())).build();
    var tooLong = assertThrows(TelegramApiRequestException.class, () -> client.execute(
        SendMessage.builder().chatId(FAMILY).text("t").replyMarkup(markup).build()));
    assertEquals(400, tooLong.getErrorCode());
    assertEquals("Bad Request: BUTTON_DATA_INVALID", tooLong.getApiResponse());

    api.blockChat(FAMILY);
    var blocked = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage(String.valueOf(FAMILY), "hi")));
    assertEquals(403, blocked.getErrorCode());
    assertEquals("Forbidden: bot was blocked by the user", blocked.getApiResponse());

    api.forgetChat(42L);
    var unknown = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage("42", "hi")));
    assertEquals("Bad Request: chat not found", unknown.getApiResponse());

    JsonObject notFound = raw("sendPigeon", new JsonObject());
    assertEquals(404, notFound.getInteger("error_code"));
    assertEquals("Not Found: method not found", notFound.getString("description"));
    assertTrue(api.messagesTo(FAMILY).isEmpty());
  }

  @Test
  void acceptsFormBodies() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(api.baseUrl() + "/bot" + TOKEN + "/SENDMESSAGE"))
        .header("content-type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("chat_id=" + FAMILY + "&text=lewat%20form"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertEquals("lewat form", api.messagesTo(FAMILY).get(0).text());
  }

  @Test
  void a429SurfacesWithRetryAfterAndEarlyRetriesAreCounted() throws Exception {
    api.failures().tooManyRequests(1, 30); // long enough for a slow machine
    var e = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage(String.valueOf(FAMILY), "satu")));
    assertEquals(429, e.getErrorCode());
    assertEquals(30, e.getParameters().getRetryAfter());
    assertEquals("Too Many Requests: retry after 30", e.getApiResponse());
    assertEquals(0, api.violationsInsideRetryAfter());

    var again = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage(String.valueOf(FAMILY), "satu")));
    assertEquals(429, again.getErrorCode());
    assertEquals(1, api.violationsInsideRetryAfter(FAMILY));
    assertEquals(2, api.tooManyRequestsAnswered());
    assertTrue(api.messagesTo(FAMILY).isEmpty());
  }

  @Test
  void floodLimitsPerChatAndPerGroup() throws Exception {
    api.rateLimits(RateLimits.telegramLike().withPrivateChat(2, Duration.ofSeconds(30))
        .withGroupPerMinute(3));
    client.execute(new SendMessage(String.valueOf(FAMILY), "1"));
    client.execute(new SendMessage(String.valueOf(FAMILY), "2"));
    var e = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage(String.valueOf(FAMILY), "3")));
    assertEquals(429, e.getErrorCode());
    assertTrue(e.getParameters().getRetryAfter() > 0);
    client.execute(new SendMessage("777", "another chat is not limited"));

    for (int i = 0; i < 3; i++) {
      client.execute(new SendMessage(String.valueOf(STAFF_GROUP), "g" + i));
    }
    var group = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(new SendMessage(String.valueOf(STAFF_GROUP), "g3")));
    assertTrue(group.getParameters().getRetryAfter() > 50);

    api.rateLimits(RateLimits.disabled());
    for (int i = 0; i < 40; i++) {
      client.execute(new SendMessage("888", "m" + i));
    }
  }

  @Test
  void longPollingReceivesUpdatesInOrderAndConfirmsThemByOffset() throws Exception {
    List<Update> received = new CopyOnWriteArrayList<>();
    try (var app = new TelegramBotsLongPollingApplication()) {
      BotSession session = app.registerBot(TOKEN, api::telegramUrl,
          new DefaultGetUpdatesGenerator(), received::addAll);
      int first = api.sendText(FAMILY, "halo");
      int second = api.sendText(FAMILY, "saya butuh bantuan");
      int third = api.pressButton(FAMILY, api.lastMessageId(FAMILY), "menu:1");
      waitFor(() -> received.size() >= 3, "three updates");
      assertEquals(List.of(first, second, third),
          received.stream().map(Update::getUpdateId).toList());
      assertEquals("saya butuh bantuan", received.get(1).getMessage().getText());
      assertEquals("id", received.get(0).getMessage().getFrom().getLanguageCode());
      assertEquals("menu:1", received.get(2).getCallbackQuery().getData());

      // The next poll carries offset = last + 1: the batch is confirmed and never sent again.
      waitFor(() -> api.pendingUpdates() == 0, "confirming poll");
      JsonObject poll = new JsonObject(api.callsOf("getUpdates").get(0).paramsJson());
      assertEquals(50, poll.getInteger("timeout"));
      assertEquals(100, poll.getInteger("limit"));

      int fourth = api.sendText(FAMILY, "terima kasih");
      waitFor(() -> received.size() >= 4, "fourth update");
      assertEquals(fourth, received.get(3).getUpdateId());
      assertEquals(4, received.size());
      assertTrue(api.callsOf("getUpdates").stream().anyMatch(c ->
          new JsonObject(c.paramsJson()).getLong("offset", 0L) == third + 1));
      assertTrue(session.isRunning());
    }
    assertEquals(1, api.callsOf("deleteWebhook").size());
  }

  @Test
  void getUpdatesHoldsUntilAnUpdateOrTheTimeout() throws Exception {
    long started = System.nanoTime();
    List<Update> none = client.execute(GetUpdates.builder().timeout(1).build());
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(none.isEmpty());
    assertTrue(tookMillis >= 900, "held for " + tookMillis + " ms");

    var pending = client.executeAsync(GetUpdates.builder().timeout(8).build());
    api.awaitCalls("getUpdates", 1, WAIT); // the first one, answered
    waitFor(() -> !pending.isDone(), "poll waiting");
    int id = api.sendText(FAMILY, "halo");
    List<Update> got = pending.get(5, TimeUnit.SECONDS);
    assertEquals(id, got.get(0).getUpdateId());

    List<Update> limited = client.execute(GetUpdates.builder().offset(id + 1).build());
    assertTrue(limited.isEmpty());
    api.sendText(FAMILY, "a");
    api.sendText(FAMILY, "b");
    assertEquals(1, client.execute(GetUpdates.builder().limit(1).build()).size());
  }

  @Test
  void aMalformedUpdateIsServedVerbatimAndWedgesThePoller() throws Exception {
    api.pushUpdate("{\"update_id\": 5, \"message\": {not json");
    var e = assertThrows(TelegramApiRequestException.class,
        () -> client.execute(GetUpdates.builder().build()));
    assertTrue(e.getMessage().contains("Unable to deserialize response"), e.getMessage());
    assertEquals(1, api.pendingUpdates());

    // BotSession logs the parse error and asks again with the same offset (exponential
    // backoff from 0.5 s): the bad batch is never skipped.
    List<Update> received = new CopyOnWriteArrayList<>();
    try (var app = new TelegramBotsLongPollingApplication()) {
      app.registerBot(TOKEN, api::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);
      List<RecordedCall> polls = api.awaitCalls("getUpdates", 4, WAIT);
      assertEquals(polls.get(1).paramsJson(), polls.get(3).paramsJson());
    }
    assertTrue(received.isEmpty());
    assertEquals(1, api.pendingUpdates());
  }

  @Test
  void webhookGetsTheSecretAndARetryAfterA500() throws Exception {
    List<String> secrets = new CopyOnWriteArrayList<>();
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer hook = get(vertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          secrets.add(request.getHeader("X-Telegram-Bot-Api-Secret-Token"));
          bodies.add(body.toString());
          request.response().setStatusCode(bodies.size() == 1 ? 500 : 200).end();
        })).listen(0, "127.0.0.1"));
    try {
      api.webhookRetryDelay(Duration.ofMillis(50));
      String url = "http://127.0.0.1:" + hook.actualPort() + "/telegram";
      assertTrue(client.execute(SetWebhook.builder().url(url).secretToken("s3cret").build()));
      JsonObject sent = new JsonObject(api.callsOf("setWebhook").get(0).paramsJson());
      assertEquals("s3cret", sent.getString("secret_token"));

      int id = api.sendText(FAMILY, "lewat webhook");
      List<WebhookAttempt> attempts = api.awaitWebhookAttempts(2, WAIT);
      assertEquals(500, attempts.get(0).status());
      assertTrue(attempts.get(1).delivered());
      assertEquals(List.of("s3cret", "s3cret"), secrets);
      assertEquals(bodies.get(0), bodies.get(1));
      assertEquals(id, new JsonObject(bodies.get(1)).getInteger("update_id"));
      waitFor(() -> api.pendingUpdates() == 0, "confirmation");

      WebhookInfo info = client.execute(new GetWebhookInfo());
      assertEquals(url, info.getUrl());
      assertEquals(0, info.getPendingUpdatesCount());
      assertNotNull(info.getLastErrorMessage());
      var conflict = assertThrows(TelegramApiRequestException.class,
          () -> client.execute(GetUpdates.builder().build()));
      assertEquals(409, conflict.getErrorCode());
    } finally {
      get(hook.close());
    }
  }

  @Test
  void anOutageFailsCallsThenRecovers() throws Exception {
    api.failures().outageFor(Duration.ofSeconds(2), false);
    var down = assertThrows(TelegramApiRequestException.class, () -> client.execute(new GetMe()));
    assertEquals(502, down.getErrorCode());
    waitFor(() -> {
      try {
        return client.execute(new GetMe()) != null;
      } catch (TelegramApiException e) {
        return false;
      }
    }, "recovery");

    api.failures().outageFor(Duration.ofSeconds(30), true);
    int before = api.calls().size();
    var cut = assertThrows(TelegramApiException.class, () -> client.execute(new GetMe()));
    assertFalse(cut instanceof TelegramApiRequestException);
    assertInstanceOf(IOException.class, cut.getCause());
    // OkHttp silently retried the POST once on the cut connection.
    assertEquals(2, api.calls().size() - before);
    api.failures().clear();
    assertNotNull(client.execute(new GetMe()));
  }

  @Test
  void serverErrorsTimeoutsAndSlowAnswers() throws Exception {
    api.failures().serverErrorsFor(Duration.ofSeconds(30), 500);
    var e = assertThrows(TelegramApiRequestException.class, () -> client.execute(new GetMe()));
    assertEquals(500, e.getErrorCode());
    api.failures().clear();

    var impatient = new OkHttpTelegramClient(new OkHttpClient.Builder()
        .readTimeout(300, TimeUnit.MILLISECONDS).build(), TOKEN, api.telegramUrl());
    api.failures().timeoutsFor(Duration.ofSeconds(30), FailurePlan.Silence.HANG);
    var timeout = assertThrows(TelegramApiException.class, () -> impatient.execute(new GetMe()));
    assertInstanceOf(IOException.class, timeout.getCause());
    api.failures().clear();

    api.failures().slowResponses(Duration.ofMillis(400));
    assertThrows(TelegramApiException.class, () -> impatient.execute(new GetMe()));
    api.failures().slowResponses(Duration.ZERO);
    assertNotNull(impatient.execute(new GetMe()));
  }

  @Test
  void aLostAnswerMakesOkHttpSendTwiceUnlessItsRetryIsOff() throws Exception {
    // OkHttp retries a failed POST when it went over a reused (pooled) connection.
    client.execute(new GetMe());
    api.failures().timeoutsFor(Duration.ofSeconds(30), FailurePlan.Silence.LOSE_ANSWER);
    assertThrows(TelegramApiException.class,
        () -> client.execute(new SendMessage(String.valueOf(FAMILY), "sekali saja")));
    assertEquals(2, api.messagesTo(FAMILY).size(), "OkHttp resent the POST by itself");

    var careful = new OkHttpTelegramClient(new OkHttpClient.Builder()
        .retryOnConnectionFailure(false).build(), TOKEN, api.telegramUrl());
    api.failures().clear();
    careful.execute(new GetMe());
    api.failures().timeoutsFor(Duration.ofSeconds(30), FailurePlan.Silence.LOSE_ANSWER);
    assertThrows(TelegramApiException.class,
        () -> careful.execute(new SendMessage("777", "sekali saja")));
    assertEquals(1, api.messagesTo(777).size());
  }

  @Test
  void forumTopicsCopiesEditsAndCallbacks() throws Exception {
    ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(STAFF_GROUP)
        .name("Kasus #1").build());
    assertEquals("Kasus #1", topic.getName());
    int thread = topic.getMessageThreadId();

    api.sendText(FAMILY, "cerita keluarga");
    MessageId copy = client.execute(CopyMessage.builder().chatId(STAFF_GROUP)
        .fromChatId(FAMILY).messageId(api.lastMessageId(FAMILY)).messageThreadId(thread)
        .build());
    SentMessage copied = api.messagesTo(STAFF_GROUP).get(0);
    assertEquals(copy.getMessageId().intValue(), copied.messageId());
    assertEquals("cerita keluarga", copied.text());
    assertEquals(thread, copied.threadId());

    int update = api.sendToTopic(STAFF_GROUP, thread, 9001L, "balasan konselor");
    assertTrue(update > 0);

    Message card = client.execute(SendMessage.builder().chatId(STAFF_GROUP).text("kartu")
        .messageThreadId(thread).build());
    api.pressButton(STAFF_GROUP, card.getMessageId(), "claim");
    String queryId = "cbq-" + (update + 1);
    assertTrue(client.execute(new AnswerCallbackQuery(queryId)));
    client.execute(EditMessageText.builder().chatId(STAFF_GROUP).messageId(card.getMessageId())
        .text("kartu (diambil)").build());
    assertEquals("kartu (diambil)", api.editsIn(STAFF_GROUP).get(0).text());

    assertTrue(client.execute(new CloseForumTopic(String.valueOf(STAFF_GROUP), thread)));
    var closed = assertThrows(TelegramApiRequestException.class, () -> client.execute(
        SendMessage.builder().chatId(STAFF_GROUP).text("x").messageThreadId(thread).build()));
    assertEquals("Bad Request: TOPIC_CLOSED", closed.getApiResponse());
  }

  // ---- helpers ----

  private JsonObject raw(String method, JsonObject body) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(api.baseUrl() + "/bot" + TOKEN + "/" + method))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
        HttpResponse.BodyHandlers.ofString());
    return new JsonObject(response.body());
  }

  private static void waitFor(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
