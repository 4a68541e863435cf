package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatNormalizerTest {

  static final ChatNormalizer N = new ChatNormalizer(Lexicon.fromClasspath().normalisation());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Tolooong!!!|tolong",
      "mattiii|matti",
      "maaf|maaf",
      "MATIIII|mati",
      "m4ti|mati",
      "b3s0k|besok",
      "5ak1t|sakit",
      "s4y4ng|sayang",
      "gk|tidak",
      "ga|tidak",
      "nggak|tidak",
      "gaaak|tidak",
      "pgn|ingin",
      "pengen|ingin",
      "udh|sudah",
      "udah|sudah",
      "bgt|banget",
      "yg|yang",
      "dgn|dengan",
      "sy|aku",
      "saya|aku",
      "gw|aku",
      "gue|aku",
      "anak2|anak anak",
      "anak-anak|anak anak",
      "don't|do not",
      "I’m tired|i am tired",
      "Émosi|emosi",
      "café|cafe",
      "gpp kok|tidak apa apa kok",
      "gw udh gk kuat lg pgn mati ajaaa|aku sudah tidak kuat lagi ingin mati saja",
  })
  void normalises(String input, String expected) {
    assertEquals(expected, N.normalize(input));
  }

  @Test
  void numbersStayNumbers() {
    assertEquals("sapa 129", N.normalize("SAPA 129"));
    assertEquals("08111129129", N.normalize("08111129129"));
  }

  @Test
  void emojiForLaughterBecomeWordsOthersDisappear() {
    assertEquals("haha", N.normalize("😂"));
    assertEquals("tolong", N.normalize("🙏 tolong 🙏"));
    assertEquals("aku", N.normalize("aku\u200d"));
  }

  @Test
  void nullAndEmptyGiveNoWords() {
    assertEquals("", N.normalize(null));
    assertEquals("", N.normalize(""));
    assertEquals("", N.normalize(" \t\n ...!!! "));
    assertEquals(0, N.tokenize(null).size());
  }

  @Test
  void wordsRememberTheFamilysOwnText() {
    ChatNormalizer.Tokens t = N.tokenize("Gw PGN MATIII, beneran");
    assertEquals("aku", t.word(0));
    assertEquals("ingin", t.word(1));
    assertEquals("Gw", t.excerpt(0, 0));
    assertEquals("PGN MATIII", t.excerpt(1, 2));
  }

  @Test
  void punctuationEndsAClause() {
    ChatNormalizer.Tokens t = N.tokenize("aku tidak, ingin mati");
    assertTrue(t.sameClause(0, 1));
    assertFalse(t.sameClause(1, 2));
    assertTrue(t.sameClause(2, 3));
  }

  @Test
  void abbreviationExpansionsShareTheirOffsets() {
    ChatNormalizer.Tokens t = N.tokenize("gpp");
    assertEquals(3, t.size());
    assertEquals("gpp", t.excerpt(0, 2));
  }
}
