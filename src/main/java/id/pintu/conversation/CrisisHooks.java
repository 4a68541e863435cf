package id.pintu.conversation;

import id.pintu.dialog.Effect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where a crisis leaves the conversation, with or without a counselors' desk: in the shipped
 * configuration there is no staff chat, and a crisis must still be logged, page the on-call
 * staff and be told honestly who will read it. Both calls run inside the family update's
 * transaction, so what they enqueue commits (or not) with the step.
 */
public interface CrisisHooks {
  /** The screen flagged a message as urgent (called for every such flag). */
  void flagged(Connection c, long chatId, long caseId, Effect.Flag flag, Instant now) throws SQLException;

  /** The conversation is now handed off as urgent: the family is told who will read them, and when (once per case). */
  void handedOffUrgent(Connection c, long chatId, long caseId, String lang, Instant now) throws SQLException;
}
