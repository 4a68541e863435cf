package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The engine state of each family chat. */
public final class SessionStore {
  /** A stored session; {@code state} is the engine's state as JSON. */
  public record Row(long chatId, String state, String status, Long caseId, Instant startedAt, Instant lastFamilyAt,
                    boolean reminded, boolean unreachable) {}

  private final Database db;

  public SessionStore(Database db) {
    this.db = db;
  }

  public Optional<Row> find(Connection c, long chatId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT chat_id, state, status, case_id, started_at, last_family_at, reminded, unreachable FROM sessions WHERE chat_id = ?")) {
      p.setLong(1, chatId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(read(rs, db.cipher())) : Optional.empty();
      }
    }
  }

  public Optional<Row> find(long chatId) throws SQLException {
    try (Connection c = db.connection()) {
      return find(c, chatId);
    }
  }

  public void save(Connection c, Row r, Instant now) throws SQLException {
    int n;
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE sessions SET state = ?, status = ?, case_id = ?, started_at = ?, last_family_at = ?, reminded = ?, unreachable = ?, updated_at = ? WHERE chat_id = ?")) {
      bind(p, r, now, db.cipher());
      p.setLong(9, r.chatId());
      n = p.executeUpdate();
    }
    if (n == 0) {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO sessions (state, status, case_id, started_at, last_family_at, reminded, unreachable, updated_at, chat_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(p, r, now, db.cipher());
        p.setLong(9, r.chatId());
        p.executeUpdate();
      }
    }
  }

  private static void bind(PreparedStatement p, Row r, Instant now, FieldCipher cipher) throws SQLException {
    p.setString(1, cipher.seal(SealedColumn.SESSION_STATE, r.chatId(), r.state()));
    p.setString(2, r.status());
    Sql.setLongOrNull(p, 3, r.caseId());
    p.setTimestamp(4, Sql.ts(r.startedAt()));
    p.setTimestamp(5, Sql.ts(r.lastFamilyAt()));
    p.setBoolean(6, r.reminded());
    p.setBoolean(7, r.unreachable());
    p.setTimestamp(8, Sql.ts(now));
  }

  /** Chats whose family has been silent since {@code before} in a conversation with the bot. */
  public List<Long> silentSince(String status, Instant before, int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT chat_id FROM sessions WHERE status = ? AND last_family_at < ? AND unreachable = FALSE ORDER BY last_family_at LIMIT ?")) {
      p.setString(1, status);
      p.setTimestamp(2, Sql.ts(before));
      p.setInt(3, limit);
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
      return out;
    }
  }

  public void markUnreachable(long chatId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("UPDATE sessions SET unreachable = TRUE WHERE chat_id = ?")) {
      p.setLong(1, chatId);
      p.executeUpdate();
    }
  }

  /** The script versions this chat's conversation is pinned to, as JSON, or null. */
  public String pins(Connection c, long chatId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pins FROM sessions WHERE chat_id = ?")) {
      p.setLong(1, chatId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Pins the conversation to script versions (JSON); the session row must exist. */
  public void savePins(Connection c, long chatId, String pins) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE sessions SET pins = ? WHERE chat_id = ?")) {
      p.setString(1, pins);
      p.setLong(2, chatId);
      p.executeUpdate();
    }
  }

  private static Row read(ResultSet rs, FieldCipher cipher) throws SQLException {
    long chat = rs.getLong("chat_id");
    return new Row(chat, cipher.open(SealedColumn.SESSION_STATE, chat, rs.getString("state")), rs.getString("status"), Sql.longOrNull(rs, "case_id"),
        Sql.instant(rs, "started_at"), Sql.instant(rs, "last_family_at"), rs.getBoolean("reminded"), rs.getBoolean("unreachable"));
  }
}
