package id.pintu.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.BotApiDouble;
import id.pintu.testing.botapi.RateLimits;
import id.pintu.testing.botapi.SentMessage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The sender's calls made on the threads that wait for them, against the Bot API double over HTTP. */
class CallingThreadDispatchTest {
  private static final String TOKEN = "123456:TEST-token";

  private Vertx vertx;
  private BotApiDouble api;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    // Telegram's per-chat pace is the sender's business, tested with it; here every call goes through.
    api = get(BotApiDouble.start(vertx, TOKEN, RateLimits.disabled()));
  }

  @AfterEach
  void stop() throws Exception {
    get(api.close());
    get(vertx.close());
  }

  private TelegramGateway gateway(int perHost, List<Thread> callThreads) {
    OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false)
        .dispatcher(CallingThreadDispatch.dispatcher(perHost))
        .addInterceptor(chain -> {
          callThreads.add(Thread.currentThread());
          return chain.proceed(chain.request());
        }).build();
    return new TelegramGateway(new OkHttpTelegramClient(http, TOKEN, api.telegramUrl()));
  }

  private static String text(long chat, String words) {
    return "{\"chat_id\":" + chat + ",\"text\":\"" + words + "\"}";
  }

  @Test
  void aLoneCallIsMadeByTheThreadThatWaitsForIt() {
    List<Thread> threads = new CopyOnWriteArrayList<>();
    Delivery d = gateway(4, threads).deliver("sendMessage", text(7001, "Halo"));

    Delivery.Accepted ok = assertInstanceOf(Delivery.Accepted.class, d);
    assertEquals(api.messagesTo(7001).get(0).messageId(), ok.messageId().intValue());
    assertEquals(List.of(Thread.currentThread()), threads, "no hand-off to a dispatcher thread");
  }

  @Test
  void manySendersAtOnceEachGetTheAnswerToTheirOwnMessage() throws Exception {
    // More senders than the per-host limit: some calls wait in OkHttp's queue and are run by
    // the pool when another finishes; each must still reach its own caller, none lost.
    TelegramGateway gateway = gateway(3, new CopyOnWriteArrayList<>());
    int senders = 12;
    int each = 20;
    Map<String, Long> idByText = new ConcurrentHashMap<>();
    List<Delivery> refused = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    for (int s = 0; s < senders; s++) {
      long chat = 8000 + s;
      pool.execute(() -> {
        for (int i = 0; i < each; i++) {
          String words = "Pesan " + chat + "-" + i;
          Delivery d = gateway.deliver("sendMessage", text(chat, words));
          if (d instanceof Delivery.Accepted a) idByText.put(words, a.messageId());
          else refused.add(d);
        }
      });
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "every sender finished");

    assertEquals(List.of(), refused);
    Map<String, Long> delivered = new HashMap<>();
    List<SentMessage> all = new ArrayList<>();
    for (int s = 0; s < senders; s++) all.addAll(api.messagesTo(8000 + s));
    for (SentMessage m : all) delivered.put(m.text(), (long) m.messageId());
    assertEquals(senders * each, all.size(), "each message sent once");
    assertEquals(delivered, idByText, "each sender holds the id Telegram gave its own message");
  }

  @Test
  void aRefusalStillReachesTheCaller() {
    api.blockChat(7002);
    Delivery d = gateway(4, new CopyOnWriteArrayList<>()).deliver("sendMessage", text(7002, "Halo"));

    Delivery.Permanent p = assertInstanceOf(Delivery.Permanent.class, d);
    assertEquals(403, p.code());
    assertTrue(p.chatUnreachable());
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
