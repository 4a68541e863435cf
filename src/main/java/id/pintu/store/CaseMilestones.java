package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Moments in a case that happen once (a conditional UPDATE decides the first). */
public final class CaseMilestones {
  /** Marks the counselor's first relayed message; true only for the first one of the case. */
  public boolean firstReply(Connection c, long caseId, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE cases SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL")) {
      p.setTimestamp(1, Sql.ts(now));
      p.setLong(2, caseId);
      return p.executeUpdate() == 1;
    }
  }
}
