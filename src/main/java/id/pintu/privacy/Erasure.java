package id.pintu.privacy;

import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.PrivacyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure on request: every case of the chat loses its personal data, in the caller's
 * transaction, unless one of them is under a legal hold, in which case nothing is erased.
 */
public final class Erasure {
  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

  /** What became of the request. */
  public sealed interface Result {}

  /** Erased; the cases that were. */
  public record Erased(List<Long> caseIds) implements Result {}

  /** Kept because of a hold on this case. */
  public record Held(long caseId, String reason) implements Result {}

  private final PrivacyStore store;
  private final DeskStore history;

  public Erasure(Database db) {
    this.store = new PrivacyStore(db);
    this.history = new DeskStore(db);
  }

  public Result erase(Connection c, long chatId, Instant now) throws SQLException {
    List<Long> cases = store.casesOfChat(c, chatId);
    var hold = store.holdOf(c, cases);
    if (hold.isPresent()) {
      LOG.info("chat {}: erasure asked for, kept: legal hold on case {}", chatId, hold.get().caseId());
      history.event(c, hold.get().caseId(), null, null, "erasure_held", null, now);
      return new Held(hold.get().caseId(), hold.get().reason());
    }
    for (long id : cases) {
      store.purgeCase(c, id, "erasure", now);
      store.closeErased(c, id, now);
      history.event(c, id, null, null, "erasure", null, now);
    }
    store.purgeChat(c, chatId, cases);
    LOG.info("chat {}: erased on request, cases {}", chatId, cases);
    return new Erased(cases);
  }

  /** What the counselor holding the case is told (in its topic). */
  public static String topicNotice(Result r, long caseId) {
    return r instanceof Held h ? PrivacyTexts.topicHeld(caseId, h.reason()) : PrivacyTexts.topicErased(caseId);
  }
}
