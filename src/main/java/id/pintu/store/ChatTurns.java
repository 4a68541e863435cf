package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Whose turn it is in a chat when several nodes share one PostgreSQL store. A transaction
 * that processes a chat's update first takes the chat's advisory lock
 * ({@code pg_advisory_xact_lock}, released at commit or rollback, or when the node's
 * connection dies) and then checks that no earlier update of the chat is still pending. So a
 * chat's updates are processed by one node at a time and in update_id order, whichever node
 * each was delivered to. On H2 (one process) the chat's lane already gives both: no-op.
 */
public final class ChatTurns {
  private ChatTurns() {}

  /** An earlier update of the same chat is still pending: it must be processed first. */
  public static final class EarlierPending extends RuntimeException {
    private final long chatId;
    private final long earlierUpdateId;

    EarlierPending(long chatId, long earlierUpdateId) {
      super("chat " + chatId + " has update " + earlierUpdateId + " pending before this one", null, false, false);
      this.chatId = chatId;
      this.earlierUpdateId = earlierUpdateId;
    }

    public long chatId() {
      return chatId;
    }

    public long earlierUpdateId() {
      return earlierUpdateId;
    }
  }

  /**
   * Inside {@code c}'s transaction: waits for the chat of {@code updateId} to be free, then
   * throws {@link EarlierPending} if an earlier update of that chat is still pending.
   */
  static void take(Database db, Connection c, long updateId) throws SQLException {
    if (!db.shared()) return;
    lockChatOf(c, updateId);
    throwIfEarlierPending(c, updateId);
  }

  /** Waits for the chat of {@code updateId} to be free (one statement: the chat id is looked up in it). */
  static void lockChatOf(Connection c, long updateId) throws SQLException {
    // The one-bigint key space; ClusterLeader's locks use the two-int key space, so a chat id
    // can never collide with them.
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(chat_id) FROM inbox WHERE update_id = ?")) {
      p.setLong(1, updateId);
      p.executeQuery().close();
    }
  }

  /** After the chat's lock is taken (a new statement, so it sees what the last holder committed). */
  static void throwIfEarlierPending(Connection c, long updateId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT e.chat_id, MIN(e.update_id) FROM inbox u JOIN inbox e ON e.chat_id = u.chat_id"
            + " WHERE u.update_id = ? AND e.status = ? AND e.update_id < u.update_id GROUP BY e.chat_id")) {
      p.setLong(1, updateId);
      p.setString(2, InboxStore.PENDING);
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) throw new EarlierPending(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  /**
   * Inside {@code c}'s transaction: waits until no other node works on this chat, and keeps
   * it until the transaction ends. For work on a chat that is not an update (idle reminders).
   */
  public static void hold(Database db, Connection c, long chatId) throws SQLException {
    if (!db.shared()) return;
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      p.setLong(1, chatId);
      p.execute();
    }
  }
}
