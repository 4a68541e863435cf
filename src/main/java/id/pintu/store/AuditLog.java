package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who read case data or changed a script, and when. Rows are only ever added. */
public final class AuditLog {
  public record Entry(long id, String who, String action, String target, Instant at) {}

  private final Database db;

  public AuditLog(Database db) {
    this.db = db;
  }

  public void add(Connection c, String who, String action, String target, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log (who, action, target, at) VALUES (?, ?, ?, ?)")) {
      p.setString(1, Sql.clip(who, 64));
      p.setString(2, Sql.clip(action, 64));
      p.setString(3, Sql.clip(target, 200));
      p.setTimestamp(4, Sql.ts(now));
      p.executeUpdate();
    }
  }

  public void add(String who, String action, String target, Instant now) throws SQLException {
    try (Connection c = db.connection()) {
      add(c, who, action, target, now);
    }
  }

  /** The newest entries first. */
  public List<Entry> recent(int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT id, who, action, target, at FROM audit_log ORDER BY id DESC LIMIT ?")) {
      p.setInt(1, limit);
      List<Entry> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.instant(rs, "at")));
      }
      return out;
    }
  }
}
