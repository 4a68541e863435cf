package id.pintu.service;

import id.pintu.store.Database;
import id.pintu.store.FlagEvidence;
import id.pintu.store.Rekey;
import id.pintu.store.SealedColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Searches every character column of every table in the store's schema for a word, found
 * through INFORMATION_SCHEMA so that tables added later are searched too; sealed columns
 * (encryption at rest) are searched as well after opening each value with the store's key,
 * so an erasure is checked on what the store would give back, not on ciphertext.
 */
final class StoredWords {
  private StoredWords() {}

  /** The text columns of the current schema, as {table, column}. */
  static List<String[]> textColumns(Database db) throws Exception {
    List<String[]> out = new ArrayList<>();
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement(
             "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA");
         ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String type = rs.getString(3).toUpperCase(Locale.ROOT);
        if (type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB") || type.contains("JSON")) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    if (out.size() < 10) throw new AssertionError("too few text columns found; is the schema right? " + out.size());
    return out;
  }

  /** Where the word occurs (case-insensitive), as "table.column" entries; empty when nowhere. */
  static List<String> find(Database db, String word) throws Exception {
    List<String> hits = new ArrayList<>();
    String needle = "%" + word.toLowerCase(Locale.ROOT) + "%";
    try (Connection c = db.connection()) {
      for (String[] col : textColumns(db)) {
        String sql = "SELECT COUNT(*) FROM \"" + col[0] + "\" WHERE LOWER(CAST(\"" + col[1] + "\" AS VARCHAR)) LIKE ?";
        try (PreparedStatement p = c.prepareStatement(sql)) {
          p.setString(1, needle);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            if (rs.getLong(1) > 0) hits.add(col[0] + "." + col[1]);
          }
        }
      }
    }
    for (Rekey.Spec s : Rekey.SPECS) {
      if (opened(db, s, word.toLowerCase(Locale.ROOT))) hits.add(s.sealed().label() + " (opened)");
    }
    return hits;
  }

  private static boolean opened(Database db, Rekey.Spec s, String word) throws Exception {
    try (Connection c = db.connection();
         PreparedStatement p = c.prepareStatement("SELECT " + s.owner() + ", " + s.column() + " FROM " + s.table()
             + " WHERE " + s.column() + " IS NOT NULL");
         ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long owner = rs.getLong(1);
        String stored = rs.getString(2);
        String plain = s.sealed() == SealedColumn.CASE_FLAG_EVIDENCE
            ? FlagEvidence.open(db.cipher(), owner, stored) : db.cipher().open(s.sealed(), owner, stored);
        if (plain != null && plain.toLowerCase(Locale.ROOT).contains(word)) return true;
      }
    }
    return false;
  }
}
