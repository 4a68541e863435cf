package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringTest {
  @TempDir Path dir;

  @Test
  void theCurrentKeyComesFirstAndOldKeysAreListedById() {
    Keyring k = Keyring.parse("2025b", Keyring.newKey(), "2025a:" + Keyring.newKey() + ", 2024:" + Keyring.newKey());
    assertEquals("2025b", k.currentId());
    assertEquals(List.of("2025b", "2025a", "2024"), List.copyOf(k.ids()));
    assertEquals(Keyring.DEFAULT_ID, Keyring.parse(null, Keyring.newKey(), null).currentId());
  }

  @Test
  void badKeysAreRefusedWithWhatToSet() {
    assertOneSentence(assertThrows(KeyProblem.class, () -> Keyring.parse("k1", "c2hvcnQ=", null)), "PINTU_ENCRYPTION_KEY must be 32");
    assertOneSentence(assertThrows(KeyProblem.class, () -> Keyring.parse("k1", "not base64!", null)), "PINTU_ENCRYPTION_KEY must be 32");
    assertOneSentence(assertThrows(KeyProblem.class, () -> Keyring.parse("k:1", Keyring.newKey(), null)), "PINTU_ENCRYPTION_KEY_ID");
    assertOneSentence(assertThrows(KeyProblem.class, () -> Keyring.parse("k1", Keyring.newKey(), "k1:" + Keyring.newKey())), "given twice");
    assertOneSentence(assertThrows(KeyProblem.class, () -> Keyring.parse("k1", Keyring.newKey(), "justakey")), "PINTU_ENCRYPTION_OLD_KEYS");
  }

  @Test
  void anOfficeWithoutAKeyGetsOneMadeOnceReadableByTheOwnerOnly() throws Exception {
    PintuConfig.Store store = new PintuConfig.Store("jdbc:h2:file:" + dir.resolve("data/pintu"), null, null, null);
    PintuConfig.Encryption none = new PintuConfig.Encryption(null, null, null, null);
    Keyring first = Keys.load(none, store);
    Path file = dir.resolve("data/pintu.key");
    assertTrue(Files.isRegularFile(file), "the key sits beside the H2 file");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    Keyring again = Keys.load(none, store);
    String sealed = new FieldCipher(first).seal(SealedColumn.CASE_STORY, 1, "cerita");
    assertEquals("cerita", new FieldCipher(again).open(SealedColumn.CASE_STORY, 1, sealed), "the same key on the next start");
    // A key in the environment wins over the file.
    Keyring env = Keys.load(new PintuConfig.Encryption(Keyring.newKey(), "prod1", null, null), store);
    assertEquals("prod1", env.currentId());
    assertEquals(Path.of("data", "pintu.key"), Keys.keyFile(none, new PintuConfig.Store("jdbc:postgresql://db/pintu", null, null, null)));
  }

  static void assertOneSentence(KeyProblem e, String fragment) {
    String m = e.getMessage();
    assertTrue(m.contains(fragment), m);
    assertFalse(m.contains("\n"), m);
    assertTrue(m.endsWith("."), m);
  }
}
