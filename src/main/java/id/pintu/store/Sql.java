package id.pintu.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Small JDBC conveniences shared by the stores. */
final class Sql {
  private Sql() {}

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  static void setLongOrNull(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) p.setNull(i, Types.BIGINT);
    else p.setLong(i, v);
  }

  static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** One UPDATE/DELETE on its own connection; parameters bound by type (String, Long, Integer, Boolean, Instant, null). */
  static int update(Database db, String sql, Object... params) throws SQLException {
    try (java.sql.Connection c = db.connection()) {
      return update(c, sql, params);
    }
  }

  /** One UPDATE/DELETE on {@code c}, e.g. inside {@link Database#inTransaction}. */
  static int update(java.sql.Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, params);
      return p.executeUpdate();
    }
  }

  /** A single-number query, e.g. {@code SELECT COUNT(*) ...}. */
  static long number(Database db, String sql, Object... params) throws SQLException {
    try (java.sql.Connection c = db.connection(); PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, params);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement p, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object v = params[i];
      if (v instanceof Instant t) p.setTimestamp(i + 1, ts(t));
      else if (v == null) p.setNull(i + 1, Types.NULL);
      else p.setObject(i + 1, v);
    }
  }
}
