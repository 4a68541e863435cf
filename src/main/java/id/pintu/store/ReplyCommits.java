package id.pintu.store;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each chat, which counted commit (see {@link GroupCommit}) wrote its newest outbox rows,
 * so that the sender waits for the write-out of the commits that made the replies it is
 * about to send, not for every commit visible at the time (e.g. the "sent" marks of the
 * replies before them). At 50 updates/s that was a second write-out for most steps with more
 * than one reply.
 *
 * <p>A chat whose transaction is still running (rows added, not yet committed) needs the
 * mark of the moment ({@link #NOW}): the scan may see its rows as soon as they commit, before
 * the count is known here. A chat with no entry has rows from before this process started,
 * which the store read from its file: nothing to wait for.
 */
final class ReplyCommits {
  /** Wait for everything committed so far. */
  static final long NOW = Long.MAX_VALUE;

  /** Chats that got outbox rows in the transaction running on this thread (null: none yet). */
  private final ThreadLocal<Set<Long>> current = new ThreadLocal<>();
  private final ConcurrentHashMap<Long, Entry> chats = new ConcurrentHashMap<>();

  /** Immutable, replaced atomically per chat ({@code compute}), so a read sees one consistent state. */
  private record Entry(int running, long mark) {}

  /** A transaction starts on this thread; returns what to hand back to {@link #ended} (an outer one's chats). */
  Set<Long> begin() {
    Set<Long> outer = current.get();
    current.set(null);
    return outer;
  }

  /** Inside a transaction: rows for {@code chatId} were added. */
  void added(long chatId) {
    Set<Long> mine = current.get();
    if (mine == null) current.set(mine = new HashSet<>());
    if (mine.add(chatId)) {
      chats.compute(chatId, (k, e) -> e == null ? new Entry(1, 0) : new Entry(e.running() + 1, e.mark()));
    }
  }

  /** The transaction on this thread ended: committed as count {@code mark}, or rolled back (-1). */
  void ended(long mark, Set<Long> outer) {
    Set<Long> mine = current.get();
    current.set(outer);
    if (mine == null) return;
    for (Long chat : mine) {
      chats.computeIfPresent(chat, (k, e) -> {
        Entry x = new Entry(e.running() - 1, Math.max(e.mark(), mark));
        return x.running() == 0 && x.mark() <= 0 ? null : x;
      });
    }
  }

  /** The mark to wait for before sending {@code chatId}'s pending rows ({@link #NOW}, or 0 for none). */
  long needed(long chatId) {
    Entry e = chats.get(chatId);
    if (e == null) return 0;
    return e.running() > 0 ? NOW : e.mark();
  }

  /** Forgets chats whose rows are all written out (every commit up to {@code durable}). */
  void forgetUpTo(long durable) {
    for (Long chat : chats.keySet()) {
      chats.computeIfPresent(chat, (k, e) -> e.running() == 0 && e.mark() <= durable ? null : e);
    }
  }

  int size() {
    return chats.size();
  }
}
