package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cleaning rules one by one (the service test shows them end to end). */
class VisibleTextTest {
  @Test
  void ordinaryTextAndEmojiAreLeftExactlyAsWritten() {
    String s = "Saya dan suami sering bertengkar soal uang, sejak Januari. Café \"Bu Siti\" tutup.\nAnak-anak ikut tegang.";
    assertSame(s, VisibleText.clean(s), "nothing copied when nothing is to remove");
    for (String e : new String[] {"👨‍👩‍👧", "👩🏽‍🦱", "❤️‍🔥", "🏳️‍🌈", "🙏🏾", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "ꦲꦤꦏ꧀"}) {
      assertEquals(e, VisibleText.clean(e), e);
    }
  }

  @Test
  void overridesIsolatesControlsAndInvisiblesAreTakenOut() {
    assertEquals("Rina", VisibleText.clean("\u202ERi\u200Bna\u0000\u0007\u200D"));
    assertEquals("a b c", VisibleText.clean("a\u2066 b\u2069\u202A c\u202C\u200E\u200F\u061C\uFEFF\u2060\u0085"));
    assertEquals("baris satu\nbaris dua\nbaris tiga", VisibleText.clean("baris satu\r\nbaris dua\u2028baris tiga"));
    assertEquals("a b c d", VisibleText.clean("a\u00A0b\tc\u3000d"));
    assertEquals("x", VisibleText.clean("x\uD800"), "an unpaired surrogate");
  }

  @Test
  void joinersStayOnlyWhereTheyJoin() {
    assertEquals("می\u200Cخواهم", VisibleText.clean("می\u200Cخواهم"), "a non-joiner inside a Persian word");
    assertEquals("a\u200Db", VisibleText.clean("a\u200D\u200Db"), "of two joiners between letters one is kept");
    assertEquals("halo kak", VisibleText.clean("halo\u200D kak\u200C"), "outside a word: taken out");
    assertEquals("👍", VisibleText.clean("\u200D👍\u200D"), "a joiner at the edge joins nothing");
  }

  @Test
  void nothingVisibleIsEmpty() {
    assertTrue(VisibleText.empty("\u200B\u200D\u2060"));
    assertTrue(VisibleText.empty("\u0000"));
    assertTrue(VisibleText.empty(" \u3164\u2800 "));
    assertTrue(VisibleText.empty("\u202E"));
    assertFalse(VisibleText.empty("🌸"));
    assertFalse(VisibleText.empty(" a "));
  }
}
