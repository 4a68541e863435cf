package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written normalise behaves as the regular expressions it replaced. */
class NormaliseTest {
  static String byRegex(String text) {
    return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s.!,]+$", "").replaceAll("\\s+", " ");
  }

  @Test
  void examples() {
    assertEquals("ya", Engine.normalise("  Ya.  "));
    assertEquals("itu saja", Engine.normalise("Itu   saja!!"));
    assertEquals("sudah, itu saja", Engine.normalise("Sudah,\n itu saja."));
    assertEquals("", Engine.normalise(null));
    assertEquals("", Engine.normalise(" ... "));
  }

  @Test
  void sameAsTheRegexVersionOnRandomText() {
    Random r = new Random(7);
    String alphabet = " \t\n.!,aYz1?\u00e9";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      for (int j = 0; j < n; j++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String s = b.toString();
      assertEquals(byRegex(s), Engine.normalise(s), "for [" + s + "]");
    }
  }
}
