package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Published script versions. Rows are only ever added. */
public final class ScriptVersionStore {
  /** One published version. */
  public record Version(String scriptId, int version, String yaml, String publishedBy, Instant publishedAt, String comment) {}

  private final Database db;

  public ScriptVersionStore(Database db) {
    this.db = db;
  }

  /** Adds the next version of {@code scriptId} and returns its number. */
  public int add(Connection c, String scriptId, String yaml, String by, String comment, Instant now) throws SQLException {
    lockPublishing(c);
    int next;
    try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM script_versions WHERE script_id = ?")) {
      p.setString(1, scriptId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        next = rs.getInt(1) + 1;
      }
    }
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO script_versions (script_id, version, yaml, published_by, published_at, comment) VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, scriptId);
      p.setInt(2, next);
      p.setString(3, yaml);
      p.setString(4, Sql.clip(by, 64));
      p.setTimestamp(5, Sql.ts(now));
      p.setString(6, Sql.clip(comment, 500));
      p.executeUpdate();
    }
    return next;
  }

  /**
   * On a shared store, publishing is one node at a time (until the transaction ends): two
   * nodes publishing at once would both pick the same next version number.
   */
  public void lockPublishing(Connection c) throws SQLException {
    if (!db.shared()) return;
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(" + 0x504E5455 + ", hashtext('publish ' || current_schema()))")) {
      p.execute();
    }
  }

  /** The newest version number of every script (cheap: no YAML read). */
  public java.util.Map<String, Integer> newestNumbers() throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT script_id, MAX(version) FROM script_versions GROUP BY script_id");
         ResultSet rs = p.executeQuery()) {
      java.util.Map<String, Integer> out = new java.util.HashMap<>();
      while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
      return out;
    }
  }

  /** The newest version of every script. */
  public List<Version> newest() throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT v.* FROM script_versions v JOIN (SELECT script_id, MAX(version) AS version FROM script_versions GROUP BY script_id) m"
                 + " ON v.script_id = m.script_id AND v.version = m.version ORDER BY v.script_id")) {
      return rows(p);
    }
  }

  public Optional<Version> find(Connection c, String scriptId, int version) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM script_versions WHERE script_id = ? AND version = ?")) {
      p.setString(1, scriptId);
      p.setInt(2, version);
      List<Version> r = rows(p);
      return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }
  }

  public Optional<Version> find(String scriptId, int version) throws SQLException {
    try (Connection c = db.connection()) {
      return find(c, scriptId, version);
    }
  }

  /** Every version of a script, newest first. */
  public List<Version> history(String scriptId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM script_versions WHERE script_id = ? ORDER BY version DESC")) {
      p.setString(1, scriptId);
      return rows(p);
    }
  }

  private static List<Version> rows(PreparedStatement p) throws SQLException {
    List<Version> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.add(new Version(rs.getString("script_id"), rs.getInt("version"), rs.getString("yaml"), rs.getString("published_by"),
            Sql.instant(rs, "published_at"), rs.getString("comment")));
      }
    }
    return out;
  }
}
