package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiFunction;

/** The case lists' shared SQL: one newest-first page under a WHERE clause, with how many cases match in all. */
final class CasePages {
  private CasePages() {}

  /** {@code where} starts with " WHERE"; {@code args} fill its '?' in order; {@code page} makes the caller's page from rows and total. */
  static <P> P newestFirst(Database db, CharSequence where, List<Object> args, int limit, int offset,
      BiFunction<List<CaseStore.Row>, Long, P> page) throws SQLException {
    try (Connection c = db.connection()) {
      long total;
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM cases" + where)) {
        bind(p, args);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      try (PreparedStatement p = c.prepareStatement("SELECT * FROM cases" + where + " ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?")) {
        bind(p, args);
        p.setInt(args.size() + 1, limit);
        p.setInt(args.size() + 2, offset);
        return page.apply(CaseStore.rows(p, db.cipher()), total);
      }
    }
  }

  /**
   * The argument for {@code flags LIKE ?}: flags is JSON {"flags":[...],"evidence":[...],...}, so
   * this matches the name inside the flags array (wildcards and quotes in the name are taken out).
   */
  static String flagPattern(String flag) {
    return "{\"flags\":[%\"" + flag.replace("%", "").replace("_", "\\_").replace("\"", "") + "\"%],%";
  }

  static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
  }
}
