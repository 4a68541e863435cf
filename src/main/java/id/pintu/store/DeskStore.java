package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The desk's side of a case: its forum topic, who claimed it, its history, notes,
 * referrals and rating. Every state change is a conditional UPDATE checked by row count,
 * so two counselors (or two nodes) can never both win.
 */
public final class DeskStore {
  public static final String CLAIMED = "claimed";

  /** A case as the desk sees it. */
  public record DeskCase(long id, long chatId, String status, String queue, String priority, String lang,
                         String intake, String story, String flags, String handoffReason, Instant openedAt,
                         Instant handedOffAt, Integer topicThreadId, Instant topicRequestedAt, Long claimedBy, Instant claimedAt,
                         Instant announcedAt, Long previousCaseId, String outcome) {
    public boolean urgent() {
      return "urgent".equals(priority);
    }
  }

  public record Event(long caseId, Instant at, Long actorUserId, String actorAlias, String action, String detail) {}

  private final Database db;

  public DeskStore(Database db) {
    this.db = db;
  }

  /** Marks the case's topic as requested; false when it already was (the topic is not asked for twice). */
  public boolean requestTopic(Connection c, long caseId, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET topic_requested_at = ? WHERE id = ? AND topic_requested_at IS NULL", Sql.ts(now), caseId) == 1;
  }

  /** Telegram created the case's topic: remember its thread id, in the caller's transaction (the one marking the call sent). */
  public void topicCreated(Connection c, long caseId, int threadId) throws SQLException {
    update(c, "UPDATE cases SET topic_thread_id = ? WHERE id = ?", threadId, caseId);
  }

  public Optional<DeskCase> find(Connection c, long caseId) throws SQLException {
    return one(c, "SELECT * FROM cases WHERE id = ?", caseId);
  }

  public Optional<DeskCase> find(long caseId) throws SQLException {
    try (Connection c = db.connection()) {
      return find(c, caseId);
    }
  }

  /** The newest case whose topic is this thread. */
  public Optional<DeskCase> byTopic(Connection c, int threadId) throws SQLException {
    return one(c, "SELECT * FROM cases WHERE topic_thread_id = ? ORDER BY id DESC LIMIT 1", threadId);
  }

  /** Exactly one claimer wins: only a waiting, unclaimed case can be claimed. */
  public boolean claim(Connection c, long caseId, long userId, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET claimed_by = ?, claimed_at = ?, status = ? WHERE id = ? AND claimed_by IS NULL AND status = ?",
        userId, Sql.ts(now), CLAIMED, caseId, CaseStore.WAITING) == 1;
  }

  /** Back to the queue; only from the counselor who holds it. */
  public boolean release(Connection c, long caseId, long holder, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET claimed_by = NULL, claimed_at = NULL, announced_at = NULL, status = ?, handed_off_at = ? WHERE id = ? AND claimed_by = ? AND status = ?",
        CaseStore.WAITING, Sql.ts(now), caseId, holder, CLAIMED) == 1;
  }

  public boolean transfer(Connection c, long caseId, long from, long to, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET claimed_by = ?, claimed_at = ? WHERE id = ? AND claimed_by = ? AND status = ?",
        to, Sql.ts(now), caseId, from, CLAIMED) == 1;
  }

  public boolean close(Connection c, long caseId, String outcome, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET status = ?, outcome = ?, closed_at = ? WHERE id = ? AND status <> ?",
        CaseStore.CLOSED, outcome, Sql.ts(now), caseId, CaseStore.CLOSED) == 1;
  }

  /** Records that an unclaimed case was announced again. */
  public boolean announced(Connection c, long caseId, Instant before, Instant now) throws SQLException {
    return update(c, "UPDATE cases SET announced_at = ? WHERE id = ? AND status = ? AND (announced_at IS NULL OR announced_at < ?)",
        Sql.ts(now), caseId, CaseStore.WAITING, Sql.ts(before)) == 1;
  }

  /** A waiting case as the waiting room sees it: where it stands and what the family was last told. */
  public record Waiting(long id, long chatId, String lang, String priority, Integer toldPosition, Instant toldAt) {
    public boolean urgent() {
      return "urgent".equals(priority);
    }
  }

  private static final String QUEUE_ORDER = " ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, handed_off_at, id";

  /** The waiting cases in queue order (the order of {@link #queue}). */
  public List<Waiting> waitingRoom(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id, chat_id, lang, priority, queue_told_position, queue_told_at FROM cases WHERE status = ?"
        + QUEUE_ORDER)) {
      p.setString(1, CaseStore.WAITING);
      List<Waiting> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int n = rs.getInt("queue_told_position");
          Integer told = rs.wasNull() ? null : n;
          out.add(new Waiting(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("lang"), rs.getString("priority"),
              told, Sql.instant(rs, "queue_told_at")));
        }
      }
      return out;
    }
  }

  /**
   * Remembers the place in line the family is told, if what was told before is still
   * {@code before}: false when another transaction (a claim, a sweep on another node) told
   * them first, so a family never gets the same news twice.
   */
  public boolean told(Connection c, long caseId, Integer before, int position, Instant now) throws SQLException {
    return before == null
        ? update(c, "UPDATE cases SET queue_told_position = ?, queue_told_at = ? WHERE id = ? AND queue_told_position IS NULL",
            position, Sql.ts(now), caseId) == 1
        : update(c, "UPDATE cases SET queue_told_position = ?, queue_told_at = ? WHERE id = ? AND queue_told_position = ?",
            position, Sql.ts(now), caseId, before) == 1;
  }

  /** Waiting cases that have a topic: the ones that can be announced again. */
  public List<DeskCase> unclaimed(Connection c) throws SQLException {
    return many(c, "SELECT * FROM cases WHERE status = ? AND topic_requested_at IS NOT NULL" + QUEUE_ORDER, CaseStore.WAITING);
  }

  /** Opens the one question for a comment after the rating; false when it was asked already. */
  public boolean askComment(Connection c, long caseId, Instant now) throws SQLException {
    return update(c, "UPDATE case_ratings SET comment_asked_at = ? WHERE case_id = ? AND comment IS NULL AND comment_asked_at IS NULL",
        Sql.ts(now), caseId) == 1;
  }

  /** When the comment question was asked and is still open, or null. */
  public Instant commentAskedAt(Connection c, long caseId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT comment_asked_at FROM case_ratings WHERE case_id = ? AND comment IS NULL")) {
      p.setLong(1, caseId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Sql.instant(rs, "comment_asked_at") : null;
      }
    }
  }

  /** Stores the family's comment, or with null text closes the question without one (skipped). */
  public boolean comment(Connection c, long caseId, String text, Instant now) throws SQLException {
    return update(c, "UPDATE case_ratings SET comment = ?, comment_asked_at = NULL WHERE case_id = ? AND comment IS NULL AND comment_asked_at IS NOT NULL",
        text == null ? null : db.cipher().seal(SealedColumn.RATING_COMMENT, caseId, text), caseId) == 1;
  }

  public Optional<String> comment(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT comment FROM case_ratings WHERE case_id = ?")) {
      p.setLong(1, caseId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.ofNullable(db.cipher().open(SealedColumn.RATING_COMMENT, caseId, rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** Waiting cases: urgent first, then high, then by how long they have waited. */
  public List<DeskCase> queue(Connection c) throws SQLException {
    return many(c, "SELECT * FROM cases WHERE status = ?" + QUEUE_ORDER, CaseStore.WAITING);
  }

  public List<DeskCase> queue() throws SQLException {
    try (Connection c = db.connection()) {
      return queue(c);
    }
  }

  public void event(Connection c, long caseId, Long actor, String alias, String action, String detail, Instant now) throws SQLException {
    update(c, "INSERT INTO case_events (case_id, at, actor_user_id, actor_alias, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
        caseId, Sql.ts(now), actor, Sql.clip(alias, 64), action, Sql.clip(detail, 300));
  }

  /** When this action first happened to the case (e.g. {@code consent}), or null. */
  public Instant firstEvent(Connection c, long caseId, String action) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT MIN(at) AS at FROM case_events WHERE case_id = ? AND action = ?")) {
      p.setLong(1, caseId);
      p.setString(2, action);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Sql.instant(rs, "at") : null;
      }
    }
  }

  public void note(Connection c, long caseId, long author, String text, Instant now) throws SQLException {
    update(c, "INSERT INTO case_notes (case_id, author_user_id, text, at) VALUES (?, ?, ?, ?)", caseId, author,
        db.cipher().seal(SealedColumn.NOTE_TEXT, caseId, text), Sql.ts(now));
  }

  public void referral(Connection c, long caseId, String partnerId, String partnerName, long by, Instant now) throws SQLException {
    update(c, "INSERT INTO case_referrals (case_id, partner_id, partner_name, by_user_id, at) VALUES (?, ?, ?, ?, ?)",
        caseId, partnerId, Sql.clip(partnerName, 200), by, Sql.ts(now));
  }

  /** The family's rating; a second rating of the same case is ignored. */
  public boolean rate(Connection c, long caseId, int score, Instant now) throws SQLException {
    return update(c, "INSERT INTO case_ratings (case_id, score, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", caseId, score, Sql.ts(now)) == 1;
  }

  /** True the first time this stranger is seen, so they are told only once. */
  public boolean firstTimeStranger(Connection c, long userId, Instant now) throws SQLException {
    return update(c, "INSERT INTO desk_strangers (user_id, told_at) VALUES (?, ?) ON CONFLICT DO NOTHING", userId, Sql.ts(now)) == 1;
  }

  public List<Event> events(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM case_events WHERE case_id = ? ORDER BY id")) {
      p.setLong(1, caseId);
      List<Event> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Event(rs.getLong("case_id"), Sql.instant(rs, "at"), Sql.longOrNull(rs, "actor_user_id"),
              rs.getString("actor_alias"), rs.getString("action"), rs.getString("detail")));
        }
      }
      return out;
    }
  }

  /** A single number from a query, e.g. counting notes in a test or a report. */
  public long count(String table, long caseId) throws SQLException {
    if (!List.of("case_notes", "case_referrals", "case_ratings", "case_events").contains(table)) throw new IllegalArgumentException(table);
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE case_id = ?")) {
      p.setLong(1, caseId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public Optional<Integer> rating(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT score FROM case_ratings WHERE case_id = ?")) {
      p.setLong(1, caseId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
      }
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, args);
      return p.executeUpdate();
    }
  }

  private static void bind(PreparedStatement p, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) p.setNull(i + 1, java.sql.Types.NULL);
      else p.setObject(i + 1, a);
    }
  }

  private Optional<DeskCase> one(Connection c, String sql, Object... args) throws SQLException {
    List<DeskCase> l = many(c, sql, args);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  private List<DeskCase> many(Connection c, String sql, Object... args) throws SQLException {
    FieldCipher cipher = db.cipher();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, args);
      List<DeskCase> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          int t = rs.getInt("topic_thread_id");
          Integer topic = rs.wasNull() ? null : t;
          long id = rs.getLong("id");
          out.add(new DeskCase(id, rs.getLong("chat_id"), rs.getString("status"), rs.getString("queue"),
              rs.getString("priority"), rs.getString("lang"), cipher.open(SealedColumn.CASE_INTAKE, id, rs.getString("intake")),
              cipher.open(SealedColumn.CASE_STORY, id, rs.getString("story")), FlagEvidence.open(cipher, id, rs.getString("flags")),
              rs.getString("handoff_reason"), Sql.instant(rs, "opened_at"), Sql.instant(rs, "handed_off_at"), topic, Sql.instant(rs, "topic_requested_at"),
              Sql.longOrNull(rs, "claimed_by"), Sql.instant(rs, "claimed_at"), Sql.instant(rs, "announced_at"),
              Sql.longOrNull(rs, "previous_case_id"), rs.getString("outcome")));
        }
      }
      return out;
    }
  }
}
