package id.pintu.conversation;

import id.pintu.store.ChatTurns;
import id.pintu.store.InboxStore;
import id.pintu.telegram.StoredUpdates;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds stored updates to their chat's lane, in order, and keeps trying while the store is
 * down. An update that keeps failing for another reason (a bug, a poisoned payload) is set
 * aside after a few tries so it cannot block the family's later messages.
 */
public final class InboxDispatcher implements AutoCloseable, StoredUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(InboxDispatcher.class);
  static final int MAX_FAILURES = 3;

  private final InboxStore inbox;
  private final ConversationProcessor processor;
  private final ChatLanes lanes;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong processed = new AtomicLong();
  private final java.time.Clock clock;
  private volatile java.util.function.LongConsumer afterProcessed;
  /** Updates waiting in this node's lanes: queued once, however often they are found pending. */
  private final java.util.Set<Long> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public InboxDispatcher(InboxStore inbox, ConversationProcessor processor, ChatLanes lanes, java.time.Clock clock) {
    this.inbox = inbox;
    this.processor = processor;
    this.lanes = lanes;
    this.clock = clock;
  }

  /** Rows just stored, in the order they arrived; returns how many were not queued here yet. */
  public int dispatch(List<InboxStore.Row> rows) {
    return dispatch(rows, java.util.Map.of());
  }

  /**
   * Rows just stored, with the updates as the transport read them ({@code read}, by
   * update_id), so that they need not be read again from the stored JSON.
   */
  @Override
  public int dispatch(List<InboxStore.Row> rows, java.util.Map<Long, org.telegram.telegrambots.meta.api.objects.Update> read) {
    int n = 0;
    for (InboxStore.Row r : rows) {
      if (InboxStore.PENDING.equals(r.status()) && queued.add(r.updateId())) {
        var update = read.get(r.updateId());
        lanes.submit(r.chatId(), () -> {
          try {
            runOne(r, update);
          } finally {
            queued.remove(r.updateId());
          }
        });
        n++;
      }
    }
    return n;
  }

  /** After a restart: everything left pending, oldest first per chat. */
  public int recover() throws SQLException {
    int n = 0;
    for (long chat : inbox.chatsWithPending()) {
      List<InboxStore.Row> rows = inbox.pending(chat, Integer.MAX_VALUE);
      n += rows.size();
      dispatch(rows);
    }
    if (n > 0) LOG.info("resuming {} pending updates", n);
    return n;
  }

  /**
   * On a store shared by several nodes: takes in updates that have waited longer than
   * {@code age}, e.g. those a node that died had stored (and acknowledged) but not processed.
   * Harmless when another node is still on them: an update is processed only once.
   */
  public int adoptStranded(java.time.Duration age) {
    try {
      int taken = dispatch(inbox.pendingSince(clock.instant().minus(age), 1_000));
      if (taken > 0) LOG.info("taking in {} updates left waiting", taken);
      return taken;
    } catch (SQLException e) {
      LOG.warn("could not look for waiting updates: {}", e.getMessage());
      return 0;
    }
  }

  /** True while updates taken in on this node wait in or run on their lanes. */
  public boolean busy() {
    return !queued.isEmpty();
  }

  public long processed() {
    return processed.get();
  }

  /**
   * Told the update_id of every update once its effects are committed and the sender woken
   * (its replies are in the outbox). For measurements; runs on the chat's lane, keep it short.
   */
  public void afterProcessed(java.util.function.LongConsumer listener) {
    this.afterProcessed = listener;
  }

  private void runOne(InboxStore.Row row) {
    runOne(row, null);
  }

  private void runOne(InboxStore.Row row, org.telegram.telegrambots.meta.api.objects.Update read) {
    long backoff = 100;
    int failures = 0;
    while (running.get()) {
      try {
        // Already done: another node, or this one via an earlier update's turn, processed it.
        if (processor.process(row, read) == ConversationProcessor.Outcome.ALREADY_DONE) return;
        processed.incrementAndGet();
        java.util.function.LongConsumer l = afterProcessed;
        if (l != null) l.accept(row.updateId());
        return;
      } catch (ChatTurns.EarlierPending e) {
        // An earlier update of this chat (stored here or on another node) is still pending:
        // it goes first, then this one is tried again.
        LOG.debug("chat {}: update {} waits for the earlier update {}", e.chatId(), row.updateId(), e.earlierUpdateId());
        try {
          for (InboxStore.Row earlier : inbox.pendingBefore(row.chatId(), row.updateId(), 100)) runOne(earlier);
        } catch (SQLException sql) {
          LOG.warn("store unavailable while ordering chat {}: {}; retrying", row.chatId(), sql.getMessage());
          sleep(backoff);
          backoff = Math.min(backoff * 2, 5_000);
        }
      } catch (SQLException e) {
        // The store is unavailable: wait and try again; nothing was committed.
        LOG.warn("store unavailable while processing update {}: {}; retrying", row.updateId(), e.getMessage());
        sleep(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      } catch (RuntimeException e) {
        failures++;
        LOG.error("update {} failed ({} of {}): {}", row.updateId(), failures, MAX_FAILURES, e.toString());
        if (failures >= MAX_FAILURES) {
          setAside(row, e);
          return;
        }
        sleep(backoff);
      }
    }
  }

  private void setAside(InboxStore.Row row, RuntimeException e) {
    try {
      inbox.markRejected(row.updateId(), "failed " + MAX_FAILURES + " times: " + e.getClass().getSimpleName(), clock.instant());
    } catch (SQLException sql) {
      LOG.error("could not set aside update {}: {}", row.updateId(), sql.getMessage());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running.set(false);
  }
}
