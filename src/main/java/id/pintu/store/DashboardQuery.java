package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts for the console's dashboard, read from the cases: no personal data leaves here. */
public final class DashboardQuery {
  /** A case's hand-off and its claim, for the time a family waited for a counselor. */
  public record Claim(Instant handedOffAt, Instant claimedAt) {
    public Duration waited() {
      return Duration.between(handedOffAt, claimedAt);
    }
  }

  private final Database db;

  public DashboardQuery(Database db) {
    this.db = db;
  }

  /** Conversations (cases) opened since {@code since}. */
  public long opened(Instant since) throws SQLException {
    return count("SELECT COUNT(*) FROM cases WHERE opened_at >= ?", since);
  }

  public long handedOff(Instant since) throws SQLException {
    return count("SELECT COUNT(*) FROM cases WHERE handed_off_at >= ?", since);
  }

  /** Cases opened since then that carry the crisis flag. */
  public long crisis(Instant since) throws SQLException {
    return count("SELECT COUNT(*) FROM cases WHERE opened_at >= ? AND flags LIKE '{\"flags\":[%\"crisis\"%],%'", since);
  }

  public long waiting() throws SQLException {
    return count("SELECT COUNT(*) FROM cases WHERE status = 'waiting'", null);
  }

  /** Open times of the cases opened since then (for the daily chart). */
  public List<Instant> openedTimes(Instant since) throws SQLException {
    return instants("SELECT opened_at FROM cases WHERE opened_at >= ?", since);
  }

  public List<Instant> handOffTimes(Instant since) throws SQLException {
    return instants("SELECT handed_off_at FROM cases WHERE handed_off_at >= ?", since);
  }

  /** Claims made since then, with the hand-off they answered. */
  public List<Claim> claims(Instant since) throws SQLException {
    List<Claim> out = new ArrayList<>();
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT handed_off_at, claimed_at FROM cases WHERE claimed_at >= ? AND handed_off_at IS NOT NULL ORDER BY claimed_at")) {
      p.setTimestamp(1, Sql.ts(since));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Instant h = Sql.instant(rs, "handed_off_at");
          Instant cl = Sql.instant(rs, "claimed_at");
          if (!cl.isBefore(h)) out.add(new Claim(h, cl));
        }
      }
    }
    return out;
  }

  private long count(String sql, Instant since) throws SQLException {
    try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(sql)) {
      if (since != null) p.setTimestamp(1, Sql.ts(since));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private List<Instant> instants(String sql, Instant since) throws SQLException {
    List<Instant> out = new ArrayList<>();
    try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setTimestamp(1, Sql.ts(since));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getTimestamp(1).toInstant());
      }
    }
    return out;
  }
}
