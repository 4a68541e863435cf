package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every message of a conversation, both ways, in order. */
public final class TranscriptStore {
  public static final String IN = "in";
  public static final String OUT = "out";

  public record Row(long id, long chatId, Long caseId, String direction, String kind, String text, String fileId,
                    Long updateId, Long outboxId, Instant at) {}

  private final Database db;

  public TranscriptStore(Database db) {
    this.db = db;
  }

  public void add(Connection c, long chatId, Long caseId, String direction, String kind, String text, String fileId,
                  Long updateId, Long outboxId, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO transcript (chat_id, case_id, direction, kind, text, file_id, update_id, outbox_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, chatId);
      Sql.setLongOrNull(p, 2, caseId);
      p.setString(3, direction);
      p.setString(4, kind);
      p.setString(5, db.cipher().seal(SealedColumn.TRANSCRIPT_TEXT, chatId, text));
      p.setString(6, Sql.clip(fileId, 256));
      Sql.setLongOrNull(p, 7, updateId);
      Sql.setLongOrNull(p, 8, outboxId);
      p.setTimestamp(9, Sql.ts(at));
      p.executeUpdate();
    }
  }

  /** Every message of one case, in order. */
  public List<Row> forCase(long caseId) throws SQLException {
    return select("SELECT * FROM transcript WHERE case_id = ? ORDER BY id", caseId);
  }

  /** Every message of one chat, across its cases, in order. */
  public List<Row> forChat(long chatId) throws SQLException {
    return select("SELECT * FROM transcript WHERE chat_id = ? ORDER BY id", chatId);
  }

  private List<Row> select(String sql, long key) throws SQLException {
    try (Connection c = db.connection(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, key);
      List<Row> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long chat = rs.getLong("chat_id");
          out.add(new Row(rs.getLong("id"), chat, Sql.longOrNull(rs, "case_id"), rs.getString("direction"),
              rs.getString("kind"), db.cipher().open(SealedColumn.TRANSCRIPT_TEXT, chat, rs.getString("text")), rs.getString("file_id"), Sql.longOrNull(rs, "update_id"),
              Sql.longOrNull(rs, "outbox_id"), Sql.instant(rs, "at")));
        }
      }
      return out;
    }
  }
}
