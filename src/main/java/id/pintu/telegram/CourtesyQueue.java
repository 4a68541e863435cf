package id.pintu.telegram;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The family chats' answers to button presses ({@link CourtesyCalls}: stopping the spinner),
 * held in memory and handed to the sender's workers. Through the outbox each one cost two
 * inserts, a "sent" mark, a delete and a sealed payload, and it held the chat's one in-flight
 * slot, so the next reply waited behind a spinner's answer. (The removal of an answered
 * question's buttons used to come here too; it is stored and retried like a reply now.)
 *
 * <p>Paced with the stored replies (a 429 pauses the chat for both) but outside their
 * per-chat order. Sent on every node, not only the leader: they are not messages and are
 * never sent twice from the store. A 5xx or network error is tried again (0.5 s, 1 s, 2 s, 4 s,
 * then every {@link #MAX_BACKOFF_NANOS}), through an outage, for as long as Telegram would
 * still take the answer: given up at {@link #MAX_AGE_NANOS} (Telegram refuses an answer that
 * late, "query is too old", and the family's app has stopped the spinner by itself). Lost on a
 * crash or a stop: a press processed before the crash is not processed again, and by the time
 * the service is back its answer would mostly be too late; a press not yet processed is, and
 * is answered then. Dropped oldest first beyond {@link #MAX_WAITING}.
 *
 * <p>{@link #send} runs on any thread; everything else on the sender's scheduling thread,
 * which owns the pace.
 */
final class CourtesyQueue implements CourtesyCalls {
  private static final Logger LOG = LoggerFactory.getLogger(CourtesyQueue.class);
  static final int MAX_WAITING = 10_000;
  static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);
  static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

  private record Call(long chatId, OutboundMessage call, int tries, long bornNanos, long notBeforeNanos) {
    Call again(long notBefore) {
      return new Call(chatId, call, tries + 1, bornNanos, notBefore);
    }
  }

  private record Outcome(Call call, Delivery delivery) {}

  private final TelegramGateway gateway;
  private final SendPace pace;
  private final Runnable wake;
  private final Queue<Call> arrived = new ConcurrentLinkedQueue<>();
  private final Queue<Outcome> returned = new ConcurrentLinkedQueue<>();
  /** The scheduling thread's own. */
  private final ArrayDeque<Call> waiting = new ArrayDeque<>();
  private String lastDrop = "";
  final AtomicLong sent = new AtomicLong();
  final AtomicLong tooManyRequests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();

  CourtesyQueue(TelegramGateway gateway, SendPace pace, Runnable wake) {
    this.gateway = gateway;
    this.pace = pace;
    this.wake = wake;
  }

  @Override
  public void send(long chatId, List<OutboundMessage> calls) {
    long now = System.nanoTime();
    for (OutboundMessage m : calls) arrived.add(new Call(chatId, m, 0, now, now));
    wake.run();
  }

  /** Records what came back, then hands every call its chat and Telegram's pace allow to {@code workers}. */
  void dispatch(Executor workers, Instant now) {
    long droppedBefore = dropped.get();
    try {
      hand(workers, now);
    } finally {
      long n = dropped.get() - droppedBefore;
      // One line per round, not per call: an outage can drop thousands.
      if (n > 0) LOG.info("{} courtesy calls dropped ({}); {} in all", n, lastDrop, dropped.get());
    }
  }

  private void hand(Executor workers, Instant now) {
    Outcome o;
    while ((o = returned.poll()) != null) settle(o, now);
    Call c;
    while ((c = arrived.poll()) != null) waiting.add(c);
    while (waiting.size() > MAX_WAITING) drop(waiting.poll(), "too many waiting");
    long t = System.nanoTime();
    for (int n = waiting.size(); n > 0; n--) {
      Call next = waiting.poll();
      if (t - next.bornNanos() > MAX_AGE_NANOS) {
        drop(next, "too old");
        continue;
      }
      if (t - next.notBeforeNanos() < 0 || !pace.tryTake(next.chatId(), false, now)) {
        waiting.add(next);
        continue;
      }
      try {
        workers.execute(() -> deliver(next));
      } catch (RejectedExecutionException stopping) {
        return;
      }
    }
  }

  private void deliver(Call c) {
    Delivery d;
    try {
      d = gateway.deliver(c.call().method(), c.call().payload());
    } catch (RuntimeException e) {
      d = new Delivery.Transient(e.getClass().getSimpleName());
    }
    if (d instanceof Delivery.Accepted) {
      sent.incrementAndGet(); // nothing to record: the scheduling thread is not woken
      return;
    }
    returned.add(new Outcome(c, d));
    wake.run();
  }

  private void settle(Outcome o, Instant now) {
    Call c = o.call();
    long t = System.nanoTime();
    if (o.delivery() instanceof Delivery.RetryAfter r) {
      tooManyRequests.incrementAndGet();
      // The stored replies to this chat wait too: Telegram's pause is per chat, whatever the call.
      pace.pause(c.chatId(), now.plusSeconds(r.seconds()).plusMillis(50));
      retry(c, t + TimeUnit.SECONDS.toNanos(r.seconds()) + TimeUnit.MILLISECONDS.toNanos(50), "429");
    } else if (o.delivery() instanceof Delivery.Transient tr) {
      retries.incrementAndGet();
      retry(c, t + Math.min(MAX_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(500L << Math.min(c.tries(), 10))), tr.reason());
    } else if (o.delivery() instanceof Delivery.Permanent p) {
      failed.incrementAndGet();
      LOG.info("courtesy {} to chat {} refused: {}", c.call().method(), c.chatId(), p.code());
    }
  }

  private void retry(Call c, long notBefore, String reason) {
    // Not tried again past its age: dropped as too old at the next round instead.
    if (notBefore - c.bornNanos() > MAX_AGE_NANOS) {
      drop(c, "too old after " + (c.tries() + 1) + " tries: " + reason);
      return;
    }
    waiting.add(c.again(notBefore));
  }

  private void drop(Call c, String why) {
    dropped.incrementAndGet();
    lastDrop = why;
    LOG.debug("courtesy {} to chat {} dropped: {}", c.call().method(), c.chatId(), why);
  }
}
