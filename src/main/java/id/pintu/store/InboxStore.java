package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The durable inbox: every update stored once (update_id unique) before it is acknowledged. */
public final class InboxStore {
  public static final String PENDING = "pending";
  public static final String DONE = "done";
  public static final String REJECTED = "rejected";

  /** One stored update. {@code chatId} is 0 when the update names no chat. */
  public record Row(long updateId, long chatId, String payload, String status, Instant receivedAt, int attempts) {}

  private final Database db;

  public InboxStore(Database db) {
    this.db = db;
  }

  /**
   * Stores a batch in one transaction; updates already stored are left as they are. The
   * commit is not yet written out: call {@link #awaitWritten()} before acknowledging.
   *
   * @return the rows that were new (a redelivery returns none)
   */
  public List<Row> addAll(List<Row> rows) throws SQLException {
    if (rows.isEmpty()) return List.of();
    List<Row> stored = db.inTransaction(c -> {
      List<Row> added = new ArrayList<>(rows.size());
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO inbox (update_id, chat_id, payload, status, received_at, attempts) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
        for (Row r : rows) {
          p.setLong(1, r.updateId());
          p.setLong(2, r.chatId());
          p.setString(3, db.cipher().seal(SealedColumn.INBOX_PAYLOAD, r.updateId(), r.payload()));
          p.setString(4, r.status());
          p.setTimestamp(5, Sql.ts(r.receivedAt()));
          if (p.executeUpdate() == 1) added.add(r);
        }
      }
      return added;
    });
    return stored;
  }

  /**
   * Returns once everything stored so far survives a killed process: the batch may then be
   * acknowledged to Telegram. Processing may start before (its replies wait for the same).
   */
  public void awaitWritten() throws SQLException {
    db.flush();
  }

  /** Pending updates of one chat, oldest first. */
  public List<Row> pending(long chatId, int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT update_id, chat_id, payload, status, received_at, attempts FROM inbox WHERE status = ? AND chat_id = ? ORDER BY update_id LIMIT ?")) {
      p.setString(1, PENDING);
      p.setLong(2, chatId);
      p.setInt(3, limit);
      return rows(p, db.cipher());
    }
  }

  /**
   * Pending updates stored before {@code before}, oldest first: on a shared store, work a
   * node that died had taken in but not processed (see {@code InboxDispatcher#adoptStranded}).
   */
  public List<Row> pendingSince(Instant before, int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT update_id, chat_id, payload, status, received_at, attempts FROM inbox WHERE status = ? AND received_at < ? ORDER BY update_id LIMIT ?")) {
      p.setString(1, PENDING);
      p.setTimestamp(2, Sql.ts(before));
      p.setInt(3, limit);
      return rows(p, db.cipher());
    }
  }

  /** Pending updates of a chat earlier than {@code updateId}, oldest first. */
  public List<Row> pendingBefore(long chatId, long updateId, int limit) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT update_id, chat_id, payload, status, received_at, attempts FROM inbox WHERE status = ? AND chat_id = ? AND update_id < ? ORDER BY update_id LIMIT ?")) {
      p.setString(1, PENDING);
      p.setLong(2, chatId);
      p.setLong(3, updateId);
      p.setInt(4, limit);
      return rows(p, db.cipher());
    }
  }

  /** Chats with work left, e.g. after a crash. */
  public List<Long> chatsWithPending() throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT DISTINCT chat_id FROM inbox WHERE status = ?")) {
      p.setString(1, PENDING);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) ids.add(rs.getLong(1));
      }
      return ids;
    }
  }

  /**
   * Locks the row for processing inside {@code c}'s transaction. False when it is no longer
   * pending: another attempt (or node) already processed it, so this one must do nothing.
   */
  public boolean lockPending(Connection c, long updateId) throws SQLException {
    ChatTurns.take(db, c, updateId);
    try (PreparedStatement p = c.prepareStatement("SELECT status FROM inbox WHERE update_id = ? FOR UPDATE")) {
      p.setLong(1, updateId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && PENDING.equals(rs.getString(1));
      }
    }
  }

  /**
   * Claims a pending update inside {@code c}'s transaction by marking it done at once: the
   * row stays locked until the transaction ends, and a rollback leaves it pending again.
   * False when it is no longer pending (already processed), so this attempt must do nothing.
   * One statement instead of {@link #lockPending} followed by {@link #markDone}.
   */
  public boolean claimPending(Connection c, long updateId, Instant at) throws SQLException {
    if (!db.shared()) {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE inbox SET status = ?, processed_at = ? WHERE update_id = ? AND status = ?")) {
        p.setString(1, DONE);
        p.setTimestamp(2, Sql.ts(at));
        p.setLong(3, updateId);
        p.setString(4, PENDING);
        return p.executeUpdate() == 1;
      }
    }
    // Shared store: the chat's turn first, then claimed only if no earlier update of the chat
    // is pending (one statement; the rare miss is told apart afterwards).
    ChatTurns.lockChatOf(c, updateId);
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE inbox SET status = ?, processed_at = ? WHERE update_id = ? AND status = ? AND NOT EXISTS"
            + " (SELECT 1 FROM inbox e WHERE e.chat_id = inbox.chat_id AND e.status = ? AND e.update_id < inbox.update_id)")) {
      p.setString(1, DONE);
      p.setTimestamp(2, Sql.ts(at));
      p.setLong(3, updateId);
      p.setString(4, PENDING);
      p.setString(5, PENDING);
      if (p.executeUpdate() == 1) return true;
    }
    ChatTurns.throwIfEarlierPending(c, updateId);
    return false;
  }

  public void markDone(Connection c, long updateId, Instant at) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("UPDATE inbox SET status = ?, processed_at = ? WHERE update_id = ?")) {
      p.setString(1, DONE);
      p.setTimestamp(2, Sql.ts(at));
      p.setLong(3, updateId);
      p.executeUpdate();
    }
  }

  /** Gives up on an update that cannot be processed; the reason names no family text. */
  public void markRejected(long updateId, String reason, Instant at) throws SQLException {
    Sql.update(db, "UPDATE inbox SET status = ?, processed_at = ?, last_error = ? WHERE update_id = ?",
        REJECTED, at, Sql.clip(reason, 300), updateId);
  }

  public long backlog() throws SQLException {
    return Sql.number(db, "SELECT COUNT(*) FROM inbox WHERE status = ?", PENDING);
  }

  /** How many chats have updates waiting to be processed: what a flood from a few chats cannot inflate. */
  public long waitingChats() throws SQLException {
    return Sql.number(db, "SELECT COUNT(DISTINCT chat_id) FROM inbox WHERE status = ?", PENDING);
  }

  private static List<Row> rows(PreparedStatement p, FieldCipher cipher) throws SQLException {
    List<Row> out = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long update = rs.getLong("update_id");
        out.add(new Row(update, rs.getLong("chat_id"), cipher.open(SealedColumn.INBOX_PAYLOAD, update, rs.getString("payload")),
            rs.getString("status"), Sql.instant(rs, "received_at"), rs.getInt("attempts")));
      }
    }
    return out;
  }
}
