package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cases: one per first contact, holding what the bot learned for the counselors. */
public final class CaseStore {
  public static final String OPEN = "open";
  public static final String WAITING = "waiting";
  public static final String CLOSED = "closed";

  public record Row(long id, long chatId, String status, String queue, String priority, String lang, String scriptId,
                    String intake, String story, String flags, String handoffReason, boolean unreachable,
                    Long previousCaseId, Instant openedAt, Instant handedOffAt, Instant closedAt, String outcome) {}

  private final Database db;

  public CaseStore(Database db) {
    this.db = db;
  }

  public long open(Connection c, long chatId, String lang, String scriptId, Long previousCaseId, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO cases (chat_id, status, priority, lang, script_id, previous_case_id, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      p.setLong(1, chatId);
      p.setString(2, OPEN);
      p.setString(3, "normal");
      p.setString(4, lang);
      p.setString(5, scriptId);
      Sql.setLongOrNull(p, 6, previousCaseId);
      p.setTimestamp(7, Sql.ts(now));
      p.executeUpdate();
      try (ResultSet rs = p.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Writes what the bot has learned so far (intake, story, flags as JSON). */
  public void record(Connection c, long caseId, String lang, String priority, String intake, String story, String flags) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE cases SET lang = ?, priority = ?, intake = ?, story = ?, flags = ? WHERE id = ?")) {
      p.setString(1, lang);
      p.setString(2, priority);
      p.setString(3, db.cipher().seal(SealedColumn.CASE_INTAKE, caseId, intake));
      p.setString(4, db.cipher().seal(SealedColumn.CASE_STORY, caseId, story));
      p.setString(5, FlagEvidence.seal(db.cipher(), caseId, flags));
      p.setLong(6, caseId);
      p.executeUpdate();
    }
  }

  /** The family asked for (or the script handed them to) a counselor. Keeps the first handoff time and a claim. */
  public void handOff(Connection c, long caseId, String queue, String priority, String reason, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE cases SET status = CASE WHEN status = 'claimed' THEN status ELSE ? END, queue = COALESCE(queue, ?), priority = ?, handoff_reason = COALESCE(handoff_reason, ?), handed_off_at = COALESCE(handed_off_at, ?) WHERE id = ? AND status <> ?")) {
      p.setString(1, WAITING);
      p.setString(2, queue);
      p.setString(3, priority);
      p.setString(4, Sql.clip(reason, 200));
      p.setTimestamp(5, Sql.ts(now));
      p.setLong(6, caseId);
      p.setString(7, CLOSED);
      p.executeUpdate();
    }
  }

  public void close(Connection c, long caseId, String outcome, Instant now) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE cases SET status = ?, outcome = ?, closed_at = ? WHERE id = ? AND status <> ?")) {
      p.setString(1, CLOSED);
      p.setString(2, outcome);
      p.setTimestamp(3, Sql.ts(now));
      p.setLong(4, caseId);
      p.setString(5, CLOSED);
      p.executeUpdate();
    }
  }

  public void markUnreachable(long chatId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("UPDATE cases SET unreachable = TRUE WHERE chat_id = ? AND status <> ?")) {
      p.setLong(1, chatId);
      p.setString(2, CLOSED);
      p.executeUpdate();
    }
  }

  public Optional<Row> find(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM cases WHERE id = ?")) {
      p.setLong(1, caseId);
      List<Row> rows = rows(p, db.cipher());
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  public List<Row> forChat(long chatId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM cases WHERE chat_id = ? ORDER BY id")) {
      p.setLong(1, chatId);
      return rows(p, db.cipher());
    }
  }

  /** The rows a query selects, their sealed columns opened. */
  static List<Row> rows(PreparedStatement p, FieldCipher cipher) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long id = rs.getLong("id");
        out.add(new Row(id, rs.getLong("chat_id"), rs.getString("status"), rs.getString("queue"),
            rs.getString("priority"), rs.getString("lang"), rs.getString("script_id"),
            cipher.open(SealedColumn.CASE_INTAKE, id, rs.getString("intake")), cipher.open(SealedColumn.CASE_STORY, id, rs.getString("story")),
            FlagEvidence.open(cipher, id, rs.getString("flags")), rs.getString("handoff_reason"), rs.getBoolean("unreachable"),
            Sql.longOrNull(rs, "previous_case_id"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "handed_off_at"),
            Sql.instant(rs, "closed_at"), rs.getString("outcome")));
      }
    }
    return out;
  }
}
