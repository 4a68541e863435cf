package id.pintu.conversation;

import id.pintu.dialog.Effect;
import id.pintu.safety.RiskMemory;
import id.pintu.store.InboxStore;
import id.pintu.telegram.Incoming;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where the counselors' desk joins a family's conversation. Every call with a
 * {@link Connection} runs inside the family update's transaction, so what the desk
 * enqueues commits (or not) together with the session.
 */
public interface DeskHooks {
  boolean isStaffChat(long chatId);

  /** Processes one update from the staff chat in its own transaction; false when it was already done. */
  boolean staffUpdate(InboxStore.Row row, Incoming in) throws SQLException;

  /** An intake value was captured (the consent time is recorded this way). */
  void captured(Connection c, long caseId, Effect.Capture capture, Instant now) throws SQLException;

  /** The case was handed off and is waiting: give it a topic and a handover card (once). */
  void waiting(Connection c, long chatId, long caseId, Instant now) throws SQLException;

  /** True when the counselor closed the case: the family's next message begins a new first contact. */
  boolean closed(Connection c, long caseId) throws SQLException;

  /** The family wrote while handed off: relay it to the case topic. */
  void familyWrote(Connection c, long chatId, long caseId, Incoming in, Instant now) throws SQLException;

  /** Tells the counselors in the case's topic (if it has one) what became of a privacy request. */
  default void privacyNotice(Connection c, long caseId, String text, Instant now) throws SQLException {}

  /** A family button that belongs to the desk (the rating after close); true when handled. */
  boolean familyButton(Connection c, long chatId, Long caseId, Incoming in, Instant now) throws SQLException;

  /** The engine flagged a message (an urgent flag outside office hours pages the on-call staff). */
  default void flagged(Connection c, long caseId, Effect.Flag flag, Instant now) throws SQLException {}

  /**
   * The family wrote after the counselor closed their case; true when the desk took the
   * message (the comment it asked for after the rating), false to go on to a new first contact.
   * {@code memory} is the crisis screen's memory of the family's last messages (from the
   * session), so danger told in pieces is not swallowed as a comment either.
   */
  default boolean afterClose(Connection c, long chatId, long caseId, Incoming in, RiskMemory memory, Instant now) throws SQLException {
    return false;
  }
}
