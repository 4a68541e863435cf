package id.pintu.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;

/**
 * The plain payloads of outbox rows this process has just written, by row id, so the sender
 * hands them to Telegram without reading them back from the store and opening their seal
 * (a query and a decryption per call, a fifth of the sender's CPU when busy). The store
 * stays the truth: a row written by another node, one sent again after a failure, or one
 * pushed out of this small memory is read from the store as before. A pending row's payload
 * never changes; erasure drops the payloads of the rows it deletes ({@link #forget}).
 */
public final class FreshPayloads {
  /** Payloads are usually gone within milliseconds; the bound only matters behind a backlog. */
  static final long MAX_CHARS = 2_000_000;

  private record Entry(long chatId, Long caseId, String payload) {}

  private final Cache<Long, Entry> byId = Caffeine.newBuilder()
      .maximumWeight(MAX_CHARS)
      .weigher((Long id, Entry e) -> e.payload().length() + 64)
      .expireAfterWrite(Duration.ofMinutes(2))
      // Upkeep on the writing thread: a hand-off to the common pool after writes cost more than the upkeep.
      .executor(Runnable::run)
      .build();

  /** A row written in a transaction not yet committed: if it rolls back, the id is never sent. */
  void put(long id, long chatId, Long caseId, String payload) {
    byId.put(id, new Entry(chatId, caseId, payload));
  }

  /** The payload of row {@code id} if this process wrote it recently (once: a retry reads the store). */
  String take(long id) {
    Entry e = byId.asMap().remove(id);
    return e == null ? null : e.payload();
  }

  /** Drops what is kept of a chat's rows and of its cases' rows (erasure). */
  void forget(long chatId, Collection<Long> caseIds) {
    byId.asMap().values().removeIf(e -> e.chatId() == chatId || (e.caseId() != null && caseIds.contains(e.caseId())));
  }

  long size() {
    return byId.estimatedSize();
  }
}
