package id.pintu.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes sure, before anything is read, that the loaded keys are the ones the store was
 * written with: every key that sealed values left a known text sealed with it in
 * {@code encryption_keys}, which must open.
 */
public final class KeyCheck {
  static final String KNOWN = "pintu-key-check";
  /** Owner number of the check values. */
  private static final long OWNER = 0;

  private KeyCheck() {}

  /**
   * @throws KeyProblem naming what to set, in one sentence, when a key is missing or wrong
   */
  public static void verify(Connection c, FieldCipher cipher, Instant now) throws SQLException {
    Map<String, String> stored = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT key_id, check_value FROM encryption_keys ORDER BY created_at");
         ResultSet rs = p.executeQuery()) {
      while (rs.next()) stored.put(rs.getString(1), rs.getString(2));
    }
    for (Map.Entry<String, String> e : stored.entrySet()) {
      String id = e.getKey();
      if (!cipher.keys().ids().contains(id)) {
        throw new KeyProblem("The store holds data sealed with encryption key '" + id + "', which is not loaded: set PINTU_ENCRYPTION_KEY"
            + " (or PINTU_ENCRYPTION_OLD_KEYS) to that key.");
      }
      String opened;
      try {
        opened = cipher.open(SealedColumn.KEY_CHECK, OWNER, e.getValue());
      } catch (SealBroken b) {
        opened = null;
      }
      if (!KNOWN.equals(opened)) {
        throw new KeyProblem("The encryption key loaded as '" + id + "' is not the key this store was written with: set the original key"
            + " in PINTU_ENCRYPTION_KEY (or PINTU_ENCRYPTION_OLD_KEYS), not a new one.");
      }
    }
    String current = cipher.keys().currentId();
    if (!stored.containsKey(current)) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO encryption_keys (key_id, check_value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
        p.setString(1, current);
        p.setString(2, cipher.seal(SealedColumn.KEY_CHECK, OWNER, KNOWN));
        p.setTimestamp(3, Timestamp.from(now));
        p.executeUpdate();
      }
    }
  }
}
