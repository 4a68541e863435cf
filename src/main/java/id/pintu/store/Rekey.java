package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Re-seals every value written under an older key (or before encryption) with the current
 * key, then forgets the check values of keys nothing uses any more, so they can be dropped
 * from {@code PINTU_ENCRYPTION_OLD_KEYS}. Safe while the service runs: each row is rewritten
 * only if it still holds the value that was read.
 */
public final class Rekey {
  private static final int BATCH = 500;

  /** Where a sealed column lives: its table's key, the owner bound into the seal, and the column. */
  public record Spec(SealedColumn sealed, String table, String pk, String owner, String column) {}

  public static final List<Spec> SPECS = List.of(
      new Spec(SealedColumn.TRANSCRIPT_TEXT, "transcript", "id", "chat_id", "text"),
      new Spec(SealedColumn.CASE_INTAKE, "cases", "id", "id", "intake"),
      new Spec(SealedColumn.CASE_STORY, "cases", "id", "id", "story"),
      new Spec(SealedColumn.CASE_FLAG_EVIDENCE, "cases", "id", "id", "flags"),
      new Spec(SealedColumn.SESSION_STATE, "sessions", "chat_id", "chat_id", "state"),
      new Spec(SealedColumn.NOTE_TEXT, "case_notes", "id", "case_id", "text"),
      new Spec(SealedColumn.RATING_COMMENT, "case_ratings", "case_id", "case_id", "comment"),
      new Spec(SealedColumn.INBOX_PAYLOAD, "inbox", "update_id", "update_id", "payload"),
      new Spec(SealedColumn.OUTBOX_PAYLOAD, "outbox", "id", "chat_id", "payload"));

  /** What a pass did: rows rewritten per column, rows that could not be opened, and keys now unused. */
  public record Report(Map<SealedColumn, Integer> rewritten, Map<SealedColumn, Integer> unreadable, Set<String> retired) {
    public int total() {
      return rewritten.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private Rekey() {}

  public static Report run(Database db) throws SQLException {
    FieldCipher cipher = db.cipher();
    Map<SealedColumn, Integer> rewritten = new LinkedHashMap<>();
    Map<SealedColumn, Integer> unreadable = new LinkedHashMap<>();
    Set<String> stillUsed = new TreeSet<>();
    stillUsed.add(cipher.keys().currentId());
    for (Spec s : SPECS) {
      int done = 0;
      int broken = 0;
      long after = Long.MIN_VALUE;
      while (true) {
        List<Object[]> batch = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement p = c.prepareStatement("SELECT " + s.pk() + ", " + s.owner() + ", " + s.column() + " FROM " + s.table()
                 + " WHERE " + s.column() + " IS NOT NULL AND " + s.pk() + " > ? ORDER BY " + s.pk() + " LIMIT " + BATCH)) {
          p.setLong(1, after);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) batch.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)});
          }
        }
        if (batch.isEmpty()) break;
        for (Object[] r : batch) {
          long pk = (Long) r[0];
          long owner = (Long) r[1];
          String stored = (String) r[2];
          after = pk;
          boolean flags = s.sealed() == SealedColumn.CASE_FLAG_EVIDENCE;
          if (flags ? !FlagEvidence.stale(cipher, stored) : !cipher.stale(stored)) continue;
          String resealed;
          try {
            resealed = flags
                ? FlagEvidence.seal(cipher, owner, FlagEvidence.open(cipher, owner, stored))
                : cipher.seal(s.sealed(), owner, cipher.open(s.sealed(), owner, stored));
          } catch (SealBroken e) {
            broken++;
            String id = flags ? null : FieldCipher.keyIdOf(stored);
            if (id != null) stillUsed.add(id);
            continue;
          }
          try (Connection c = db.connection();
               PreparedStatement u = c.prepareStatement("UPDATE " + s.table() + " SET " + s.column() + " = ? WHERE " + s.pk() + " = ? AND " + s.column() + " = ?")) {
            u.setString(1, resealed);
            u.setLong(2, pk);
            u.setString(3, stored);
            done += u.executeUpdate(); // 0: the service changed the row meanwhile, with the current key
          }
        }
      }
      rewritten.put(s.sealed(), done);
      unreadable.put(s.sealed(), broken);
    }
    Set<String> retired = new TreeSet<>();
    boolean anyBroken = unreadable.values().stream().anyMatch(n -> n > 0);
    try (Connection c = db.connection()) {
      List<String> known = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT key_id FROM encryption_keys"); ResultSet rs = p.executeQuery()) {
        while (rs.next()) known.add(rs.getString(1));
      }
      for (String id : known) {
        // A broken flags value names no key we can see: keep every key then, to be safe.
        if (stillUsed.contains(id) || anyBroken) continue;
        try (PreparedStatement d = c.prepareStatement("DELETE FROM encryption_keys WHERE key_id = ?")) {
          d.setString(1, id);
          d.executeUpdate();
        }
        retired.add(id);
      }
    }
    return new Report(rewritten, unreadable, retired);
  }
}
