package id.pintu.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * The outbox rows of each chat's latest re-prompt that this process wrote and that may still be
 * unsent. A re-prompt asks the same question again; a newer reply of the same chat makes it
 * pointless, so the processor drops it from the outbox instead of sending it late (a family who
 * writes 300 messages at a question gets a handful of answers, not 300 at one a second).
 *
 * <p>In memory on purpose: forgetting (a restart, another node, eviction) only means an old
 * re-prompt is sent after all, as before. Written after the step's commit, read inside the next
 * step's transaction, both on the chat's lane.
 */
final class PendingReprompts {
  private final Cache<Long, List<Long>> rows = Caffeine.newBuilder().maximumSize(100_000).executor(Runnable::run).build();

  /** The rows to drop when the chat's next reply is written (empty when none). */
  List<Long> of(long chatId) {
    List<Long> r = rows.getIfPresent(chatId);
    return r == null ? List.of() : r;
  }

  /** After a commit that wrote replies: {@code ids} are the new re-prompt's rows, or empty when the replies were no re-prompt. */
  void written(long chatId, List<Long> ids) {
    if (ids.isEmpty()) rows.invalidate(chatId);
    else rows.put(chatId, List.copyOf(ids));
  }

  void forget(long chatId) {
    rows.invalidate(chatId);
  }
}
