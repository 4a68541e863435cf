package id.pintu.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data keys: the current one encrypts, it and any older one decrypt. Keys are 32 random
 * bytes (AES-256), named by a short id that is stored with every value so keys can rotate.
 */
public final class Keyring {
  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
  /** The id a key from the environment gets when PINTU_ENCRYPTION_KEY_ID is not set. */
  public static final String DEFAULT_ID = "k1";

  private final String currentId;
  private final Map<String, SecretKey> keys;

  private Keyring(String currentId, Map<String, SecretKey> keys) {
    this.currentId = currentId;
    this.keys = Collections.unmodifiableMap(keys);
  }

  /**
   * @param keyId the current key's id (null: {@value #DEFAULT_ID})
   * @param key the current key, base64 of 32 bytes
   * @param oldKeys older keys that still decrypt, {@code id:base64,id2:base64}, or null
   */
  public static Keyring parse(String keyId, String key, String oldKeys) {
    String id = keyId == null || keyId.isBlank() ? DEFAULT_ID : keyId.trim();
    Map<String, SecretKey> all = new LinkedHashMap<>();
    all.put(checkId(id, "PINTU_ENCRYPTION_KEY_ID"), decode(key, "PINTU_ENCRYPTION_KEY"));
    if (oldKeys != null && !oldKeys.isBlank()) {
      for (String entry : oldKeys.split(",")) {
        String e = entry.trim();
        if (e.isEmpty()) continue;
        int colon = e.indexOf(':');
        if (colon <= 0) throw new KeyProblem("PINTU_ENCRYPTION_OLD_KEYS must list keys as id:base64 separated by commas.");
        String oldId = checkId(e.substring(0, colon).trim(), "PINTU_ENCRYPTION_OLD_KEYS");
        if (all.containsKey(oldId)) throw new KeyProblem("The key id '" + oldId + "' is given twice: every key in PINTU_ENCRYPTION_KEY_ID and PINTU_ENCRYPTION_OLD_KEYS needs its own id.");
        all.put(oldId, decode(e.substring(colon + 1), "PINTU_ENCRYPTION_OLD_KEYS (key '" + oldId + "')"));
      }
    }
    return new Keyring(id, all);
  }

  /** One key, for tests and tools. */
  public static Keyring single(String id, byte[] key) {
    return parse(id, Base64.getEncoder().encodeToString(key), null);
  }

  /** 32 fresh random bytes, base64: a new key. */
  public static String newKey() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  /**
   * The key of a single office that set none: read from {@code file}, or made once and
   * written there readable by the owner only. Logged at WARN: the key belongs in the
   * environment (or a secret store), not beside the data it protects.
   */
  public static Keyring fromFile(Path file, String oldKeys) {
    try {
      if (!Files.exists(file)) {
        String line = "local1:" + newKey();
        if (file.toAbsolutePath().getParent() != null) OwnerOnly.createFolder(file.toAbsolutePath().getParent());
        write(file, line);
        LOG.warn("no PINTU_ENCRYPTION_KEY set: made a new encryption key in {}; move it into the environment "
            + "(PINTU_ENCRYPTION_KEY_ID=local1, PINTU_ENCRYPTION_KEY=<the part after 'local1:'>), keep a copy somewhere safe, "
            + "and delete the file: without the key the stored conversations cannot be read", file.toAbsolutePath());
      } else {
        OwnerOnly.file(file);
        LOG.warn("encryption key read from {}: move it into PINTU_ENCRYPTION_KEY and PINTU_ENCRYPTION_KEY_ID", file.toAbsolutePath());
      }
      String line = Files.readString(file, StandardCharsets.US_ASCII).trim();
      int colon = line.indexOf(':');
      if (colon <= 0) throw new KeyProblem("The key file " + file + " must hold one line id:base64; restore it from your copy or set PINTU_ENCRYPTION_KEY.");
      return parse(line.substring(0, colon), line.substring(colon + 1), oldKeys);
    } catch (IOException e) {
      throw new KeyProblem("The key file " + file + " cannot be read or written (" + e.getMessage() + "): set PINTU_ENCRYPTION_KEY or fix the folder's permissions.");
    }
  }

  private static void write(Path file, String line) throws IOException {
    if (!OwnerOnly.createFile(file)) return; // another node made it first: use theirs
    Files.writeString(file, line + "\n", StandardCharsets.US_ASCII);
  }

  private static String checkId(String id, String var) {
    if (!ID.matcher(id).matches()) throw new KeyProblem(var + " has the key id '" + id + "': use 1 to 32 letters, digits, dots, dashes or underscores.");
    return id;
  }

  private static SecretKey decode(String b64, String var) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(b64 == null ? "" : b64.trim());
    } catch (IllegalArgumentException e) {
      raw = new byte[0];
    }
    if (raw.length != 32) throw new KeyProblem(var + " must be 32 random bytes in base64 (44 characters), e.g. from 'openssl rand -base64 32'.");
    return new SecretKeySpec(raw, "AES");
  }

  public String currentId() {
    return currentId;
  }

  SecretKey current() {
    return keys.get(currentId);
  }

  /** The key with this id, or null when it is not loaded. */
  SecretKey find(String id) {
    return keys.get(id);
  }

  /** Every loaded key id, the current one first. */
  public java.util.Set<String> ids() {
    return keys.keySet();
  }
}
