package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy tables (consent record, legal holds, purges) and the statements that delete a
 * case's personal data. New queries only: the other stores' reads and writes are untouched.
 */
public final class PrivacyStore {
  /** Written over a raw update or a sent reply once its content is gone (the columns are NOT NULL). */
  public static final String GONE = "{}";
  /** Outbox rows no longer waiting to leave (sent or given up): a row waits while it is in outbox_pending (V12). */
  private static final String NOT_WAITING = " AND NOT EXISTS (SELECT 1 FROM outbox_pending p WHERE p.id = outbox.id)";

  public record ConsentEvent(long id, long chatId, long caseId, String event, String basis, String scriptId,
                             Integer scriptVersion, String lang, String nodeId, String answer, Instant at) {}

  public record Hold(long caseId, String reason, long byUserId, Instant at) {}

  /** A closed case due for the retention job. */
  public record Due(long caseId, long chatId) {}

  private final Database db;

  public PrivacyStore(Database db) {
    this.db = db;
  }

  // ---- consent record -------------------------------------------------------------------

  public void consentEvent(Connection c, long chatId, long caseId, String event, String basis, String scriptId,
                           Integer scriptVersion, String lang, String nodeId, String answer, Instant at) throws SQLException {
    update(c, "INSERT INTO consents (chat_id, case_id, event, basis, script_id, script_version, lang, node_id, answer, at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chatId, caseId, event, basis, Sql.clip(scriptId, 64), scriptVersion,
        Sql.clip(lang, 8), Sql.clip(nodeId, 64), answer, Sql.ts(at));
  }

  /** The case's basis for processing now: the basis of its newest event that has one, or null. */
  public String basis(Connection c, long caseId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT basis FROM consents WHERE case_id = ? AND basis IS NOT NULL ORDER BY id DESC LIMIT 1")) {
      p.setLong(1, caseId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public String basisOf(long caseId) throws SQLException {
    try (Connection c = db.connection()) {
      return basis(c, caseId);
    }
  }

  public List<ConsentEvent> consents(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM consents WHERE case_id = ? ORDER BY id")) {
      p.setLong(1, caseId);
      List<ConsentEvent> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int v = rs.getInt("script_version");
          out.add(new ConsentEvent(rs.getLong("id"), rs.getLong("chat_id"), rs.getLong("case_id"), rs.getString("event"),
              rs.getString("basis"), rs.getString("script_id"), rs.wasNull() ? null : v, rs.getString("lang"),
              rs.getString("node_id"), rs.getString("answer"), Sql.instant(rs, "at")));
        }
      }
      return out;
    }
  }

  /** A raw update whose content may not be kept: its payload goes, the row (id, chat, status) stays. */
  public void forgetUpdate(Connection c, long updateId) throws SQLException {
    update(c, "UPDATE inbox SET payload = ? WHERE update_id = ?", GONE, updateId);
  }

  // ---- legal holds ------------------------------------------------------------------------

  /** Places a hold; false when the case was already held. */
  public boolean hold(Connection c, long caseId, String reason, long byUserId, Instant at) throws SQLException {
    if (holdOf(c, List.of(caseId)).isPresent()) return false;
    update(c, "INSERT INTO legal_holds (case_id, reason, by_user_id, at) VALUES (?, ?, ?, ?)", caseId, Sql.clip(reason, 300), byUserId, Sql.ts(at));
    return true;
  }

  /** Lifts a hold; false when there was none. */
  public boolean release(Connection c, long caseId) throws SQLException {
    return update(c, "DELETE FROM legal_holds WHERE case_id = ?", caseId) > 0;
  }

  /** The first hold on any of these cases. */
  public Optional<Hold> holdOf(Connection c, List<Long> caseIds) throws SQLException {
    for (long id : caseIds) {
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM legal_holds WHERE case_id = ?")) {
        p.setLong(1, id);
        try (ResultSet rs = p.executeQuery()) {
          if (rs.next()) {
            return Optional.of(new Hold(rs.getLong("case_id"), rs.getString("reason"), rs.getLong("by_user_id"), Sql.instant(rs, "at")));
          }
        }
      }
    }
    return Optional.empty();
  }

  // ---- purging ----------------------------------------------------------------------------

  public List<Long> casesOfChat(Connection c, long chatId) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM cases WHERE chat_id = ? ORDER BY id")) {
      p.setLong(1, chatId);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /**
   * Closed cases closed before {@code cutoff}, not purged yet and not held; oldest first, at
   * most {@code limit}.
   */
  public List<Due> due(Instant cutoff, int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT id, chat_id FROM cases k WHERE k.status = 'closed' AND k.closed_at < ?"
                 + " AND NOT EXISTS (SELECT 1 FROM case_purges x WHERE x.case_id = k.id)"
                 + " AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = k.id) ORDER BY k.closed_at, k.id LIMIT ?")) {
      p.setTimestamp(1, Sql.ts(cutoff));
      p.setInt(2, limit);
      List<Due> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(new Due(rs.getLong(1), rs.getLong(2)));
      }
      return out;
    }
  }

  /**
   * Deletes one case's personal data, keeping the rows that counts are made of: the case row
   * (status, priority, queue, dates, outcome), transcript rows without text or file, the
   * score of a rating without its comment, the history of who did what. Notes go (they are
   * about the family). Raw updates and replies of the case lose their payloads (they carry
   * the family's text), except replies still waiting to leave.
   */
  public void purgeCase(Connection c, long caseId, String reason, Instant now) throws SQLException {
    update(c, "UPDATE inbox SET payload = ? WHERE status <> 'pending' AND update_id IN"
        + " (SELECT t.update_id FROM transcript t WHERE t.case_id = ? AND t.update_id IS NOT NULL)", GONE, caseId);
    update(c, "UPDATE outbox SET payload = ? WHERE case_id = ?" + NOT_WAITING, GONE, caseId);
    update(c, "UPDATE transcript SET text = NULL, file_id = NULL WHERE case_id = ?", caseId);
    update(c, "UPDATE cases SET intake = NULL, story = NULL, flags = NULL, handoff_reason = NULL WHERE id = ?", caseId);
    update(c, "DELETE FROM case_notes WHERE case_id = ?", caseId);
    update(c, "UPDATE case_ratings SET comment = NULL WHERE case_id = ?", caseId);
    update(c, "INSERT INTO case_purges (case_id, reason, at) VALUES (?, ?, ?)", caseId, reason, Sql.ts(now));
  }

  /**
   * What erasure adds to {@link #purgeCase} for the whole chat: every raw update and every
   * sent reply of the chat lose their payloads, its transcript rows go, replies still waiting
   * that carry text are dropped, and the session (the engine's state) is deleted.
   */
  public void purgeChat(Connection c, long chatId, List<Long> caseIds) throws SQLException {
    update(c, "UPDATE inbox SET payload = ? WHERE chat_id = ? AND status <> 'pending'", GONE, chatId);
    update(c, "UPDATE outbox SET payload = ? WHERE chat_id = ?" + NOT_WAITING, GONE, chatId);
    update(c, "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox_pending WHERE chat_id = ? AND method IN ('sendMessage', 'editMessageText', 'copyMessage'))", chatId);
    for (long caseId : caseIds) {
      update(c, "DELETE FROM outbox WHERE id IN (SELECT id FROM outbox_pending WHERE case_id = ? AND method IN ('sendMessage', 'editMessageText'))", caseId);
      update(c, "DELETE FROM transcript WHERE case_id = ?", caseId);
    }
    update(c, "DELETE FROM transcript WHERE chat_id = ?", chatId);
    update(c, "DELETE FROM sessions WHERE chat_id = ?", chatId);
    db.freshPayloads().forget(chatId, caseIds); // a rollback only makes those rows read from the store
  }

  /**
   * Updates set aside unread ({@code rejected}) received before {@code cutoff}: they belong to
   * no case, so the per-case purge never reaches them. Their payloads go.
   */
  public int forgetRejectedBefore(Instant cutoff) throws SQLException {
    try (Connection c = db.connection()) {
      return update(c, "UPDATE inbox SET payload = ? WHERE status = 'rejected' AND received_at < ? AND payload <> ?", GONE, Sql.ts(cutoff), GONE);
    }
  }

  /** Closes a case that was still open because its data was erased. */
  public void closeErased(Connection c, long caseId, Instant now) throws SQLException {
    update(c, "UPDATE cases SET status = 'closed', outcome = 'erased', closed_at = ? WHERE id = ? AND status <> 'closed'", Sql.ts(now), caseId);
  }

  /** The session row of a chat if it still belongs to this case (the retention job drops it). */
  public boolean dropSessionOf(Connection c, long chatId, long caseId) throws SQLException {
    return update(c, "DELETE FROM sessions WHERE chat_id = ? AND case_id = ? AND status <> 'active'", chatId, caseId) > 0;
  }

  public long purges(long caseId) throws SQLException {
    return Sql.number(db, "SELECT COUNT(*) FROM case_purges WHERE case_id = ?", caseId);
  }

  // ---- false alarms -----------------------------------------------------------------------

  /** False-alarm marks (case history) by the category recorded with them. */
  public Map<String, Long> falseAlarmsByCategory() throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT detail, COUNT(*) FROM case_events WHERE action = 'false_alarm' GROUP BY detail ORDER BY detail")) {
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1) == null ? "unknown" : rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  /** The detail of the newest event of this action on the case, or empty when there is none. */
  public Optional<String> lastEvent(Connection c, long caseId, String action) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT detail FROM case_events WHERE case_id = ? AND action = ? ORDER BY id DESC LIMIT 1")) {
      p.setLong(1, caseId);
      p.setString(2, action);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        Object a = args[i];
        if (a == null) p.setNull(i + 1, Types.NULL);
        else if (a instanceof Timestamp t) p.setTimestamp(i + 1, t);
        else p.setObject(i + 1, a);
      }
      return p.executeUpdate();
    }
  }
}
