package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Refused edits of files in dialogs/ that were announced: one row per file, by content hash. */
public final class RefusedEdits {
  /** Records the refused content; true only the first time this content of this file is seen (on any node). */
  public boolean firstTime(Connection c, String file, String contentHash, Instant now) throws SQLException {
    return update(c, "UPDATE refused_edits SET content_hash = ?, announced_at = ? WHERE file = ? AND content_hash <> ?",
        contentHash, Sql.ts(now), file, contentHash) == 1
        || update(c, "INSERT INTO refused_edits (file, content_hash, announced_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        file, contentHash, Sql.ts(now)) == 1;
  }

  /** A good version of the file was published; true when a refused edit of it had been announced. */
  public boolean clear(Connection c, String file) throws SQLException {
    return update(c, "DELETE FROM refused_edits WHERE file = ?", file) == 1;
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
      return p.executeUpdate();
    }
  }
}
