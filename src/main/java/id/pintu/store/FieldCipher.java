package id.pintu.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals the text a family or counselor wrote before it is stored, and opens it when read.
 *
 * <p>AES-256-GCM, a fresh random 96-bit IV per value, a 128-bit tag. A sealed value is the
 * text {@code p1:<keyId>:<base64(iv | ciphertext | tag)>}, kept in the same column as the
 * plain value was: no schema change per column, and the key id travels with the value so
 * keys can rotate row by row. The associated data is {@code pintu|<table.column>|<owner>}
 * (owner: the chat, case or update the row belongs to), so a value moved to another column
 * or another family's row fails its tag instead of showing up there.
 *
 * <p>A value without the {@code p1:} prefix is read as written before encryption was turned
 * on (older stores); {@code pintu rekey} seals those too.
 */
public final class FieldCipher {
  /** Marks a sealed value; the digit is the format version. */
  public static final String PREFIX = "p1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Keyring keys;
  private final SecureRandom random = new SecureRandom();
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);

  public FieldCipher(Keyring keys) {
    this.keys = keys;
  }

  public Keyring keys() {
    return keys;
  }

  /** The sealed form of {@code plain} (null stays null), under the current key. */
  public String seal(SealedColumn col, long owner, String plain) {
    if (plain == null) return null;
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher c = ciphers.get();
      c.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
      c.updateAAD(aad(col, owner));
      byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array();
      return PREFIX + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * The plain text of a stored value (null stays null; a value stored before encryption is
   * returned as it is).
   *
   * @throws SealBroken when the key is not loaded or the value fails its integrity check
   */
  public String open(SealedColumn col, long owner, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) return stored;
    int colon = stored.indexOf(':', PREFIX.length());
    if (colon < 0) throw new SealBroken(col, "A sealed value in " + col.label() + " is malformed: it was altered.");
    String keyId = stored.substring(PREFIX.length(), colon);
    SecretKey key = keys.find(keyId);
    if (key == null) {
      throw new SealBroken(col, "A value in " + col.label() + " is sealed with key '" + keyId
          + "', which is not loaded: add it to PINTU_ENCRYPTION_OLD_KEYS.");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(stored.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new SealBroken(col, "A sealed value in " + col.label() + " is malformed: it was altered.");
    }
    if (raw.length < IV_BYTES + TAG_BITS / 8) throw new SealBroken(col, "A sealed value in " + col.label() + " is too short: it was altered.");
    try {
      Cipher c = ciphers.get();
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
      c.updateAAD(aad(col, owner));
      return new String(c.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new SealBroken(col, "A value in " + col.label() + " (owner " + owner + ", key '" + keyId
          + "') failed its integrity check: it was altered, moved from another row, or the key is wrong.");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /** True when the value is plain or sealed under a key other than the current one: {@code rekey} rewrites it. */
  public boolean stale(String stored) {
    return stored != null && !stored.startsWith(PREFIX + keys.currentId() + ":");
  }

  /** The key id a sealed value names, or null for a plain value. */
  public static String keyIdOf(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) return null;
    int colon = stored.indexOf(':', PREFIX.length());
    return colon < 0 ? null : stored.substring(PREFIX.length(), colon);
  }

  private static byte[] aad(SealedColumn col, long owner) {
    return ("pintu|" + col.label() + "|" + owner).getBytes(StandardCharsets.UTF_8);
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }
}
