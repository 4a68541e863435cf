package id.pintu.desk;

import id.pintu.store.DeskStore.DeskCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moments noted inside a desk transaction, handed to the {@link DeskMoments} observer only
 * once it committed, so a retried transaction is not counted twice. Per thread: each
 * transaction runs on one thread from start to commit. Only the staff-update transaction
 * ({@link Desk#staffUpdate}) begins and commits; a claim or reply made on another path would
 * need the same begin/committed around its transaction to be counted.
 */
final class PendingMoments {
  private static final Logger LOG = LoggerFactory.getLogger(PendingMoments.class);

  private final ThreadLocal<List<Consumer<DeskMoments>>> pending = ThreadLocal.withInitial(ArrayList::new);
  private volatile DeskMoments observer = DeskMoments.NONE;

  void observeWith(DeskMoments o) {
    observer = o == null ? DeskMoments.NONE : o;
  }

  /** A transaction (attempt) starts: forget what an earlier, rolled-back attempt noted. */
  void begin() {
    pending.get().clear();
  }

  void claimed(DeskCase k, Instant now) {
    if (k.handedOffAt() == null) return;
    Duration waited = nonNegative(Duration.between(k.handedOffAt(), now));
    pending.get().add(o -> o.claimed(k.priority(), waited));
  }

  void firstReply(DeskCase k, Instant now) {
    if (k.claimedAt() == null) return;
    Duration after = nonNegative(Duration.between(k.claimedAt(), now));
    pending.get().add(o -> o.firstReply(k.priority(), after));
  }

  /** The transaction committed: tell the observer. */
  void committed() {
    List<Consumer<DeskMoments>> list = pending.get();
    DeskMoments o = observer;
    for (Consumer<DeskMoments> m : list) {
      try {
        m.accept(o);
      } catch (RuntimeException e) {
        LOG.warn("desk moments observer failed: {}", e.toString());
      }
    }
    list.clear();
  }

  /** The transaction failed or changed nothing. */
  void discard() {
    pending.get().clear();
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
