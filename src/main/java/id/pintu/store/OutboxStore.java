package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Replies waiting to leave, in order per chat. A row is marked sent only after Telegram accepted it.
 * Where a row stands: still to send while it is in {@code outbox_pending}, sent once it is in
 * {@code outbox_sent}, given up when {@code outbox.status} is {@code failed}; the view
 * {@code outbox_delivery} shows the three as one status.
 */
public final class OutboxStore {
  /**
   * The status a row is written with: where it stands is in outbox_pending / outbox_sent (V12);
   * not "pending", which a person counting statuses would read as a stuck sender.
   */
  public static final String WRITTEN = "written";
  public static final String FAILED = "failed";
  /** Never sent because a newer reply of the same chat made it pointless (a superseded re-prompt). */
  public static final String DROPPED = "dropped";

  /**
   * @param optional a courtesy call (answering a button press, removing old buttons): its
   *     failure is logged and never holds up or ends the conversation
   */
  public record Row(long id, long chatId, Long caseId, String method, String payload, boolean optional,
                    int attempts, Instant nextAttemptAt) {}

  private final Database db;

  public OutboxStore(Database db) {
    this.db = db;
  }

  public long add(Connection c, long chatId, Long caseId, String method, String payload, boolean optional, Instant now) throws SQLException {
    return add(c, chatId, caseId, method, payload, optional, now, now);
  }

  /** As {@link #add(Connection, long, Long, String, String, boolean, Instant)}, not sent before {@code notBefore}. */
  public long add(Connection c, long chatId, Long caseId, String method, String payload, boolean optional, Instant now,
                  Instant notBefore) throws SQLException {
    // The sender waits for the commits it can see to be written out (Database#commitMark);
    // only commits through Database#inTransaction are counted.
    if (c.getAutoCommit()) throw new IllegalStateException("outbox rows are added inside Database.inTransaction");
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO outbox (chat_id, case_id, method, payload, optional, status, attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        Statement.RETURN_GENERATED_KEYS)) {
      p.setLong(1, chatId);
      Sql.setLongOrNull(p, 2, caseId);
      p.setString(3, method);
      p.setString(4, db.cipher().seal(SealedColumn.OUTBOX_PAYLOAD, chatId, payload));
      p.setBoolean(5, optional);
      p.setString(6, WRITTEN);
      p.setTimestamp(7, Sql.ts(notBefore));
      p.setTimestamp(8, Sql.ts(now));
      p.executeUpdate();
      db.replyAdded(chatId);
      long id;
      try (ResultSet rs = p.getGeneratedKeys()) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement q = c.prepareStatement(
          "INSERT INTO outbox_pending (id, chat_id, case_id, method, optional, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?)")) {
        q.setLong(1, id);
        q.setLong(2, chatId);
        Sql.setLongOrNull(q, 3, caseId);
        q.setString(4, method);
        q.setBoolean(5, optional);
        q.setTimestamp(6, Sql.ts(notBefore));
        q.executeUpdate();
      }
      db.freshPayloads().put(id, chatId, caseId, payload);
      return id;
    }
  }

  /**
   * The oldest pending rows, whatever their retry time: the sender picks each chat's head
   * from them, so a later message can never overtake an earlier one that waits for a retry.
   * The payload is not read here (the sender scans often and sends few of the rows it
   * sees): the rows carry a null payload; read it with {@link #payload(long)} when sending.
   */
  public List<Row> pendingOldestFirst(int limit) throws SQLException {
    List<Row> out = new ArrayList<>();
    scanPending(limit, out::add);
    return out;
  }

  /** Takes rows of a scan one by one; false stops the scan. */
  @FunctionalInterface
  public interface RowVisitor {
    boolean visit(Row row) throws SQLException;
  }

  /**
   * Visits pending rows oldest first, as {@link #pendingOldestFirst} reads them, until the
   * visitor says stop. One statement, so one consistent view: a chat's oldest pending row is
   * the first of its rows met (a scan in several statements could meet a later row of a
   * transaction that committed between them first). Rows are fetched as visited.
   */
  public void scanPending(int limit, RowVisitor visitor) throws SQLException {
    try (Connection c = db.connection()) {
      // H2 reads a whole result into memory before the first row unless asked to stream it:
      // under load that was up to `limit` rows per scan, of which the sender used a few.
      boolean streamed = !db.postgres();
      if (streamed) lazyQueries(c, true);
      try (PreparedStatement p = c.prepareStatement(
          "SELECT id, chat_id, case_id, method, optional, attempts, next_attempt_at FROM outbox_pending ORDER BY id LIMIT ?")) {
        p.setInt(1, limit);
        p.setFetchSize(64);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            if (!visitor.visit(row(rs))) return;
          }
        }
      } finally {
        if (streamed) lazyQueries(c, false);
      }
    }
  }

  /**
   * Sets the session's flag directly: the SQL form (SET LAZY_QUERY_EXECUTION) counts as a change
   * of the schema in H2, and every connection then throws away its parsed statements, so each
   * scan made every lane parse its SQL again (16 % of all allocation at 50 updates/s).
   */
  private static void lazyQueries(Connection c, boolean on) throws SQLException {
    // Only an embedded database has a local session; an H2 server (jdbc:h2:tcp) pages results by the fetch size.
    if (c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal local) {
      local.setLazyQueryExecution(on);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong("id"), rs.getLong("chat_id"), Sql.longOrNull(rs, "case_id"), rs.getString("method"),
        null, rs.getBoolean("optional"), rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"));
  }

  /** Writes out everything committed so far (see {@link Database#flush()}). */
  public void flush() throws SQLException {
    db.flush();
  }

  /** Writes out the commits that made these chats' pending rows (see {@link Database#awaitRepliesWritten}). */
  public void awaitWritten(java.util.Collection<Long> chats) throws SQLException {
    db.awaitRepliesWritten(chats);
  }

  /**
   * The Bot API call of one row, as JSON; null when the row does not exist. A row this
   * process has just written comes from memory ({@link FreshPayloads}), once.
   */
  public String payload(long id) throws SQLException {
    String fresh = db.freshPayloads().take(id);
    if (fresh != null) return fresh;
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT payload, chat_id FROM outbox WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? db.cipher().open(SealedColumn.OUTBOX_PAYLOAD, rs.getLong(2), rs.getString(1)) : null;
      }
    }
  }

  /** Work done in the transaction that marks a row sent (e.g. recording the topic Telegram created). */
  @FunctionalInterface
  public interface FollowUp {
    void run(Connection c) throws Exception;
  }

  /**
   * Marks one row sent, in a short transaction of its own, and has it written out at once
   * (without waiting for it): the sender calls this first thing after Telegram accepted the
   * row, since until the mark is on disk a killed process would send the message again.
   * {@code followUp} (may be null) runs in the same transaction, so what Telegram's answer
   * taught (a topic's id) is kept exactly when the mark is. A row marked twice keeps its first mark.
   */
  public void markSent(long id, Long telegramMessageId, Instant at, FollowUp followUp) throws SQLException {
    db.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO outbox_sent (id, sent_at, telegram_message_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        p.setLong(1, id);
        p.setTimestamp(2, Sql.ts(at));
        Sql.setLongOrNull(p, 3, telegramMessageId);
        p.executeUpdate();
      }
      Sql.update(c, "DELETE FROM outbox_pending WHERE id = ?", id);
      if (followUp != null) {
        try {
          followUp.run(c);
        } catch (SQLException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new FollowUpFailed(e);
        }
      }
      return null;
    });
    db.writeOutSoon();
  }

  /** A follow-up of {@link #markSent} failed with a checked exception other than {@link SQLException}. */
  public static final class FollowUpFailed extends RuntimeException {
    FollowUpFailed(Exception cause) {
      super(cause);
    }
  }

  /** When the row was written; null when it does not exist. */
  public Instant createdAt(long id) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT created_at FROM outbox WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Sql.instant(rs, "created_at") : null;
      }
    }
  }

  public void retryAt(long id, Instant next, String error) throws SQLException {
    db.inTransaction(c -> {
      Sql.update(c, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
          next, Sql.clip(error, 300), id);
      return Sql.update(c, "UPDATE outbox_pending SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?", next, id);
    });
  }

  public void markFailed(long id, String error) throws SQLException {
    db.inTransaction(c -> {
      Sql.update(c, "UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?",
          FAILED, Sql.clip(error, 300), id);
      return Sql.update(c, "DELETE FROM outbox_pending WHERE id = ?", id);
    });
  }

  /**
   * Drops those of the chat's rows {@code ids} that are still pending (status {@code dropped}),
   * in the caller's transaction; returns how many. A row the sender is handing to Telegram at
   * this moment may still go out: its "sent" mark then wins in {@code outbox_delivery}.
   */
  public int dropPending(Connection c, long chatId, java.util.Collection<Long> ids) throws SQLException {
    int n = 0;
    for (long id : ids) {
      if (Sql.update(c, "DELETE FROM outbox_pending WHERE id = ? AND chat_id = ?", id, chatId) == 0) continue;
      Sql.update(c, "UPDATE outbox SET status = ?, last_error = ? WHERE id = ?", DROPPED, "superseded by a newer reply", id);
      db.freshPayloads().take(id);
      n++;
    }
    return n;
  }

  /** A chat that can no longer be reached: nothing pending for it is tried again. */
  public int failAllPending(long chatId, String error) throws SQLException {
    return db.inTransaction(c -> {
      // A sent row keeps the status it was written with (its mark is in outbox_sent): only the
      // rows still in outbox_pending are given up.
      int n = Sql.update(c, "UPDATE outbox SET status = ?, last_error = ? WHERE id IN (SELECT id FROM outbox_pending WHERE chat_id = ?)",
          FAILED, Sql.clip(error, 300), chatId);
      Sql.update(c, "DELETE FROM outbox_pending WHERE chat_id = ?", chatId);
      return n;
    });
  }

  public long backlog() throws SQLException {
    return Sql.number(db, "SELECT COUNT(*) FROM outbox_pending");
  }

  /** How many chats have a reply waiting: what a flood from a few chats cannot inflate. */
  public long waitingChats() throws SQLException {
    return Sql.number(db, "SELECT COUNT(DISTINCT chat_id) FROM outbox_pending");
  }
}
