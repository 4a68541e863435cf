package id.pintu.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the pool to drop a connection whose link to the database broke. Hikari recognises
 * PostgreSQL's broken links (SQL state 08...) itself, but not H2's over TCP (error codes
 * 90067, 90028, 90121): without this, a pool kept busy hands out dead connections forever
 * after the database comes back.
 */
public final class BrokenConnectionEviction implements SQLExceptionOverride {
  @java.lang.Override
  public Override adjudicate(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        int code = s.getErrorCode();
        String state = s.getSQLState();
        if (code == 90067 || code == 90028 || code == 90121 || (state != null && state.startsWith("08"))) return Override.MUST_EVICT;
      }
    }
    return Override.CONTINUE_EVICT;
  }
}
