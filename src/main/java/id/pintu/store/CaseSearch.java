package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console's case list: a search by case number or a word in the intake, and the notes of a case. */
public final class CaseSearch {
  public record Note(long authorUserId, String text, Instant at) {}

  public record Page(List<CaseStore.Row> rows, long total) {}

  private final Database db;

  public CaseSearch(Database db) {
    this.db = db;
  }

  /**
   * Newest first. {@code q}: a case number, or words that must all occur in the intake (any
   * case); {@code status}: open, waiting, claimed, closed; {@code flag}: e.g. crisis.
   */
  public Page find(String q, String status, String flag, int limit, int offset) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q != null && !q.isBlank()) {
      String t = q.trim();
      if (t.matches("#?\\d{1,18}")) {
        where.append(" AND id = ?");
        args.add(Long.parseLong(t.replace("#", "")));
      } else {
        for (String word : t.toLowerCase(Locale.ROOT).split("\\s+")) {
          where.append(" AND LOWER(intake) LIKE ? ESCAPE '\\'");
          args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
      }
    }
    if (status != null && !status.isBlank()) {
      where.append(" AND status = ?");
      args.add(status.trim());
    }
    if (flag != null && !flag.isBlank()) {
      where.append(" AND flags LIKE ?");
      args.add("{\"flags\":[%\"" + flag.replace("%", "").replace("_", "\\_").replace("\"", "") + "\"%],%");
    }
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
        return new Page(CaseStore.rows(p), total);
      }
    }
  }

  public List<Note> notes(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT author_user_id, text, at FROM case_notes WHERE case_id = ? ORDER BY id")) {
      p.setLong(1, caseId);
      List<Note> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(new Note(rs.getLong(1), rs.getString(2), Sql.instant(rs, "at")));
      }
      return out;
    }
  }

  private static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) p.setObject(i + 1, args.get(i));
  }
}
