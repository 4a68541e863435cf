package id.pintu.conversation;

import id.pintu.dialog.Effect;
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
}
