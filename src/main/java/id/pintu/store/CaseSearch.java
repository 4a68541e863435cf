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
   * The intake is sealed in the store, so a word search opens the newest this-many candidate
   * cases (after the other filters) and matches them here.
   */
  static final int WORD_SEARCH_WINDOW = 5000;

  /**
   * Newest first. {@code q}: a case number, or words that must all occur in the intake (any
   * case); {@code status}: open, waiting, claimed, closed; {@code flag}: e.g. crisis.
   */
  public Page find(String q, String status, String flag, int limit, int offset) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    List<String> words = List.of();
    if (q != null && !q.isBlank()) {
      String t = q.trim();
      if (t.matches("#?\\d{1,18}")) {
        where.append(" AND id = ?");
        args.add(Long.parseLong(t.replace("#", "")));
      } else {
        words = List.of(t.toLowerCase(Locale.ROOT).split("\\s+"));
      }
    }
    if (status != null && !status.isBlank()) {
      where.append(" AND status = ?");
      args.add(status.trim());
    }
    if (flag != null && !flag.isBlank()) {
      where.append(" AND flags LIKE ?");
      args.add(CasePages.flagPattern(flag));
    }
    if (!words.isEmpty()) return findWords(where.toString(), args, words, limit, offset);
    return CasePages.newestFirst(db, where, args, limit, offset, Page::new);
  }

  private Page findWords(String where, List<Object> args, List<String> words, int limit, int offset) throws SQLException {
    List<CaseStore.Row> hits = new ArrayList<>();
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT * FROM cases" + where + " ORDER BY opened_at DESC, id DESC LIMIT ?")) {
      CasePages.bind(p, args);
      p.setInt(args.size() + 1, WORD_SEARCH_WINDOW);
      for (CaseStore.Row r : CaseStore.rows(p, db.cipher())) {
        String intake = r.intake() == null ? "" : r.intake().toLowerCase(Locale.ROOT);
        if (words.stream().allMatch(intake::contains)) hits.add(r);
      }
    }
    int from = Math.min(offset, hits.size());
    return new Page(List.copyOf(hits.subList(from, Math.min(hits.size(), from + limit))), hits.size());
  }

  public List<Note> notes(long caseId) throws SQLException {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT author_user_id, text, at FROM case_notes WHERE case_id = ? ORDER BY id")) {
      p.setLong(1, caseId);
      List<Note> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Note(rs.getLong(1), db.cipher().open(SealedColumn.NOTE_TEXT, caseId, rs.getString(2)), Sql.instant(rs, "at")));
        }
      }
      return out;
    }
  }
}
