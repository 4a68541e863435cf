package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {
  static final String A = Keyring.newKey();
  static final String B = Keyring.newKey();
  static final String STORY = "Ayah memukul adik saya tadi malam 😢";

  final FieldCipher a = new FieldCipher(Keyring.parse("a", A, null));

  @Test
  void sealedTextOpensToTheSameTextAndShowsNoneOfIt() {
    String sealed = a.seal(SealedColumn.CASE_STORY, 7, STORY);
    assertTrue(sealed.startsWith("p1:a:"), sealed);
    assertFalse(sealed.contains("Ayah") || sealed.contains("memukul"), sealed);
    assertEquals(STORY, a.open(SealedColumn.CASE_STORY, 7, sealed));
    assertEquals("", a.open(SealedColumn.CASE_STORY, 7, a.seal(SealedColumn.CASE_STORY, 7, "")));
  }

  @Test
  void theSameTextSealsDifferentlyEachTime() {
    // A fresh IV per value: equal messages cannot be spotted as equal in the store.
    assertNotEquals(a.seal(SealedColumn.TRANSCRIPT_TEXT, 1, "ya"), a.seal(SealedColumn.TRANSCRIPT_TEXT, 1, "ya"));
  }

  @Test
  void nullStaysNullAndTextFromBeforeEncryptionIsReadAsItIs() {
    assertNull(a.seal(SealedColumn.CASE_STORY, 1, null));
    assertNull(a.open(SealedColumn.CASE_STORY, 1, null));
    assertEquals("[\"old story\"]", a.open(SealedColumn.CASE_STORY, 1, "[\"old story\"]"));
    assertTrue(a.stale("[\"old story\"]"), "plain values are rewritten by rekey");
  }

  @Test
  void aValueMovedToAnotherColumnOrAnotherFamilysRowDoesNotOpen() {
    String sealed = a.seal(SealedColumn.CASE_STORY, 7, STORY);
    SealBroken otherColumn = assertThrows(SealBroken.class, () -> a.open(SealedColumn.NOTE_TEXT, 7, sealed));
    assertTrue(otherColumn.getMessage().contains("case_notes.text"), otherColumn.getMessage());
    SealBroken otherCase = assertThrows(SealBroken.class, () -> a.open(SealedColumn.CASE_STORY, 8, sealed));
    assertTrue(otherCase.getMessage().contains("integrity check"), otherCase.getMessage());
  }

  @Test
  void aTamperedValueIsReportedWithoutItsText() {
    String sealed = a.seal(SealedColumn.TRANSCRIPT_TEXT, 3, STORY);
    int at = sealed.lastIndexOf(':') + 1;
    byte[] raw = Base64.getDecoder().decode(sealed.substring(at));
    raw[raw.length - 20] ^= 1; // one bit of the ciphertext
    String tampered = sealed.substring(0, at) + Base64.getEncoder().encodeToString(raw);
    SealBroken e = assertThrows(SealBroken.class, () -> a.open(SealedColumn.TRANSCRIPT_TEXT, 3, tampered));
    assertEquals(SealedColumn.TRANSCRIPT_TEXT, e.column());
    assertTrue(e.getMessage().contains("transcript.text") && e.getMessage().contains("altered"), e.getMessage());
    assertFalse(e.getMessage().contains("Ayah"), "the message never carries the value");
    assertThrows(SealBroken.class, () -> a.open(SealedColumn.TRANSCRIPT_TEXT, 3, sealed.substring(0, at) + "@@@"));
    assertThrows(SealBroken.class, () -> a.open(SealedColumn.TRANSCRIPT_TEXT, 3, sealed.substring(0, at) + "AAAA"));
  }

  @Test
  void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
    String old = a.seal(SealedColumn.SESSION_STATE, 5, "{\"fields\":{\"name\":\"Rina\"}}");
    FieldCipher b = new FieldCipher(Keyring.parse("b", B, "a:" + A));
    assertEquals("{\"fields\":{\"name\":\"Rina\"}}", b.open(SealedColumn.SESSION_STATE, 5, old));
    String fresh = b.seal(SealedColumn.SESSION_STATE, 5, "x");
    assertEquals("b", FieldCipher.keyIdOf(fresh));
    assertTrue(b.stale(old));
    assertFalse(b.stale(fresh));
    // Without the old key the value cannot be read, and the message says which key to add.
    FieldCipher onlyB = new FieldCipher(Keyring.parse("b", B, null));
    SealBroken e = assertThrows(SealBroken.class, () -> onlyB.open(SealedColumn.SESSION_STATE, 5, old));
    assertTrue(e.getMessage().contains("key 'a'") && e.getMessage().contains("PINTU_ENCRYPTION_OLD_KEYS"), e.getMessage());
  }

  @Test
  void theSameIdWithOtherKeyBytesFailsTheTag() {
    String sealed = a.seal(SealedColumn.OUTBOX_PAYLOAD, 9, "{\"text\":\"halo\"}");
    FieldCipher wrong = new FieldCipher(Keyring.parse("a", B, null));
    assertThrows(SealBroken.class, () -> wrong.open(SealedColumn.OUTBOX_PAYLOAD, 9, sealed));
  }

  @Test
  void flagNamesStayReadableWhileTheirEvidenceIsSealed() {
    String flags = "{\"flags\":[\"crisis\"],\"evidence\":[\"ingin mati saja\"],\"techniques\":[\"listen\"]}";
    String sealed = FlagEvidence.seal(a, 4, flags);
    assertTrue(sealed.startsWith("{\"flags\":[\"crisis\"],\"evidence\":\"p1:a:"), sealed);
    assertFalse(sealed.contains("ingin mati"), sealed);
    assertTrue(sealed.contains("\"techniques\":[\"listen\"]"), sealed);
    assertEquals(flags, FlagEvidence.open(a, 4, sealed));
    assertThrows(SealBroken.class, () -> FlagEvidence.open(a, 5, sealed));
  }
}
