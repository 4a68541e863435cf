package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Case lists for supervisors: filters and paging. */
public final class CaseQuery {
  /**
   * @param status open | waiting | claimed | closed, or null for all
   * @param priority e.g. urgent, or null
   * @param flag a flag the case carries (crisis, concern, ...), or null
   * @param from opened at or after, or null
   * @param to opened before, or null
   * @param counselor the Telegram user id of the counselor who holds the case (or held it when it was closed), or null
   */
  public record Filter(String status, String priority, String flag, String queue, Instant from, Instant to, Long counselor) {
    public Filter(String status, String priority, String flag, String queue, Instant from, Instant to) {
      this(status, priority, flag, queue, from, to, null);
    }
  }

  /** One page and how many cases match in all. */
  public record Page(List<CaseStore.Row> rows, long total) {}

  /** The desk's side of a case: who holds it, since when, and when the counselor first wrote to the family. */
  public record Handling(Long counselor, Instant claimedAt, Instant firstReplyAt) {
    static final Handling NONE = new Handling(null, null, null);
  }

  private final Database db;

  public CaseQuery(Database db) {
    this.db = db;
  }

  public Page find(Filter f, int limit, int offset) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (f.status() != null) {
      where.append(" AND status = ?");
      args.add(f.status());
    }
    if (f.priority() != null) {
      where.append(" AND priority = ?");
      args.add(f.priority());
    }
    if (f.queue() != null) {
      where.append(" AND queue = ?");
      args.add(f.queue());
    }
    if (f.flag() != null) {
      // flags is JSON {"flags":[...],"evidence":[...],...}: match the name inside the flags array.
      where.append(" AND flags LIKE ?");
      args.add(CasePages.flagPattern(f.flag()));
    }
    if (f.counselor() != null) {
      where.append(" AND claimed_by = ?");
      args.add(f.counselor());
    }
    if (f.from() != null) {
      where.append(" AND opened_at >= ?");
      args.add(Sql.ts(f.from()));
    }
    if (f.to() != null) {
      where.append(" AND opened_at < ?");
      args.add(Sql.ts(f.to()));
    }
    return CasePages.newestFirst(db, where, args, limit, offset, Page::new);
  }

  /** Who handles each of these cases (cases without a counselor map to an empty {@link Handling}). */
  public Map<Long, Handling> handling(List<Long> caseIds) throws SQLException {
    Map<Long, Handling> out = new HashMap<>();
    if (caseIds.isEmpty()) return out;
    String marks = String.join(", ", Collections.nCopies(caseIds.size(), "?"));
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT id, claimed_by, claimed_at, first_reply_at FROM cases WHERE id IN (" + marks + ")")) {
      CasePages.bind(p, new ArrayList<>(caseIds));
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong("id"), new Handling(Sql.longOrNull(rs, "claimed_by"), Sql.instant(rs, "claimed_at"), Sql.instant(rs, "first_reply_at")));
        }
      }
    }
    for (Long id : caseIds) out.putIfAbsent(id, Handling.NONE);
    return out;
  }
}
