package id.pintu.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
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

  private final AtomicBoolean running = new AtomicBoolean(false);
  /** The library's defaults (read 100 s > the 50 s long poll), plus {@link #quietWhenStopped}. */
  private final OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher()).connectTimeout(Duration.ofSeconds(75))
      .writeTimeout(Duration.ofSeconds(70)).readTimeout(Duration.ofSeconds(100)).addInterceptor(this::quietWhenStopped).addInterceptor(this::reportOutages).addNetworkInterceptor(this::trackSocket).build();
  /** Since when getUpdates fails (0: it answers); one WARN when it starts, one INFO when it is back. */
  private final java.util.concurrent.atomic.AtomicLong failingSince = new java.util.concurrent.atomic.AtomicLong();
  /** The socket the long poll in flight waits on, so that the stop can end it. */
  private final AtomicReference<Socket> inFlight = new AtomicReference<>();
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pintu-poller");
    t.setDaemon(true);
    return t;
  });
  private final TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> poller);
  private final Inbound inbound;

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

  /**
   * Stops polling and waits for the poller: the library only stops scheduling, so the long poll
   * in flight (up to 50 s) would go on and then log an error once its call failed. Its socket is
   * closed, and the call then answers an empty batch (below), so nothing is confirmed to Telegram
   * and nothing is logged. (Cancelling the call would not do: OkHttp turns any answer of a
   * cancelled call into an error.)
   */
  @Override
  public void close() {
    running.set(false);
    try {
      app.close();
    } catch (Exception e) {
      LOG.warn("long polling did not stop cleanly: {}", e.toString());
    }
    Socket s = inFlight.get();
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    poller.shutdown();
    try {
      if (!poller.awaitTermination(5, TimeUnit.SECONDS)) poller.shutdownNow();
    } catch (InterruptedException e) {
      poller.shutdownNow();
      Thread.currentThread().interrupt();
    }
    http.connectionPool().evictAll();
  }

  /**
   * The library logs every failed getUpdates at ERROR with a stack trace (a one-second blip made
   * 107 lines) and retries on its own; its logger is off (logback.xml) and this says it once.
   */
  private Response reportOutages(Interceptor.Chain chain) throws IOException {
    Response r;
    try {
      r = chain.proceed(chain.request());
    } catch (IOException e) {
      if (running.get()) failing(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      throw e;
    }
    if (r.isSuccessful()) {
      long since = failingSince.getAndSet(0);
      if (since != 0) LOG.info("getUpdates answers again after {} s", Math.max(1, (System.nanoTime() - since) / 1_000_000_000L));
    } else if (running.get()) {
      failing("http " + r.code());
    }
    return r;
  }

  private void failing(String why) {
    if (failingSince.compareAndSet(0, System.nanoTime())) {
      LOG.warn("getUpdates is failing ({}); polling retries on its own, updates wait at Telegram", why);
    }
  }

  /** After the stop a failed getUpdates is an empty batch: the stop cancelled it, Telegram did nothing wrong. */
  private Response quietWhenStopped(Interceptor.Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (IOException e) {
      if (running.get()) throw e;
      return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(200).message("stopped")
          .body(ResponseBody.create("{\"ok\":true,\"result\":[]}", MediaType.get("application/json"))).build();
    }
  }

  private Response trackSocket(Interceptor.Chain chain) throws IOException {
    Socket s = chain.connection() == null ? null : chain.connection().socket();
    inFlight.set(s);
    try {
      if (!running.get()) throw new IOException("polling stopped"); // set after close looked: end here
      return chain.proceed(chain.request());
    } finally {
      inFlight.compareAndSet(s, null);
    }
  }

  private static Dispatcher dispatcher() {
    Dispatcher d = new Dispatcher();
    d.setMaxRequests(100);
    d.setMaxRequestsPerHost(100);
    return d;
  }
}
