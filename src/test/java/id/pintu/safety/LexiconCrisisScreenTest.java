package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LexiconCrisisScreenTest {

  static final LexiconCrisisScreen SCREEN = new LexiconCrisisScreen(Lexicon.fromClasspath());

  static RiskLevel level(String text) {
    return SCREEN.screen(text).level();
  }

  static void atMost(RiskLevel max, String text) {
    RiskLevel got = level(text);
    assertTrue(got.ordinal() <= max.ordinal(), "expected at most " + max + " for \"" + text + "\", got " + got);
  }

  @Test
  void directStatementsAreUrgent() {
    assertEquals(RiskLevel.URGENT, level("aku ingin mengakhiri hidup"));
    assertEquals(RiskLevel.URGENT, level("gw pgn bundir"));
    assertEquals(RiskLevel.URGENT, level("I want to kill myself"));
    assertEquals(RiskLevel.URGENT, level("capek hidup"));
    assertEquals(RiskLevel.URGENT, level("ak ga pgn dilahirin"));
  }

  @Test
  void singleWordMatiIsNotAHit() {
    assertEquals(RiskLevel.NONE, level("mati"));
    assertEquals(RiskLevel.NONE, level("lampu mati dari tadi"));
    assertEquals(RiskLevel.NONE, level("ayam anak saya mati"));
  }

  @Test
  void negationJustBeforeLowersToConcern() {
    assertEquals(RiskLevel.CONCERN, level("aku tidak ingin bunuh diri"));
    assertEquals(RiskLevel.CONCERN, level("gw gak bakal bundir kok"));
    assertEquals(RiskLevel.CONCERN, level("aku tidak pernah berniat bunuh diri"));
    assertEquals(RiskLevel.CONCERN, level("I'm not going to kill myself"));
    assertEquals(RiskLevel.CONCERN, level("I don't want to die"));
  }

  @Test
  void negationDoesNotReachAcrossAClauseOrOtherWords() {
    assertEquals(RiskLevel.URGENT, level("aku tidak kuat lagi, ingin bunuh diri"));
    assertEquals(RiskLevel.URGENT, level("gak kuat pengen mati"));
    assertEquals(RiskLevel.URGENT, level("I'm not okay, I want to die"));
  }

  @Test
  void pleasAndNotYetAreNotNegations() {
    assertEquals(RiskLevel.URGENT, level("jangan pukul aku, tolong"));
    assertEquals(RiskLevel.URGENT, level("aku belum bunuh diri, tapi sudah siap"));
  }

  @Test
  void phrasesThatContainTheirOwnNegationStayUrgent() {
    assertEquals(RiskLevel.URGENT, level("aku gak pengen hidup lagi"));
    assertEquals(RiskLevel.URGENT, level("tidak ingin dilahirkan"));
  }

  @Test
  void hyperboleContextLowersCasualPhrases() {
    atMost(RiskLevel.CONCERN, "capek banget ujian, mati aku");
    atMost(RiskLevel.CONCERN, "pengen mati aja liat macetnya");
    atMost(RiskLevel.CONCERN, "mati gue lupa PR");
    atMost(RiskLevel.CONCERN, "pengen mati 😂😂");
    assertEquals(RiskLevel.NONE, level("mati aku, lupa PR!"));
  }

  @Test
  void hyperboleDoesNotSoftenSeriousPhrases() {
    assertEquals(RiskLevel.URGENT, level("aku ingin mengakhiri hidup, ujian gagal lagi"));
    assertEquals(RiskLevel.URGENT, level("capek bgt kerja, capek hidup"));
  }

  @Test
  void sayingItIsNotAJokeKeepsItUrgent() {
    assertEquals(RiskLevel.URGENT, level("aku ingin mati. bukan bercanda"));
  }

  @Test
  void farewellsCountWithThanksOrApologies() {
    assertEquals(RiskLevel.URGENT, level("terima kasih semuanya, maaf ya, selamat tinggal"));
    assertEquals(RiskLevel.CONCERN, level("selamat tinggal, sampai jumpa"));
  }

  @Test
  void pastEventsAreConcernNotUrgent() {
    assertEquals(RiskLevel.CONCERN, level("dulu aku pernah kepikiran bunuh diri"));
    assertEquals(RiskLevel.URGENT, level("aku tidak pernah mau dilahirkan"));
  }

  @Test
  void unlessExcludesKnownCompounds() {
    assertEquals(RiskLevel.URGENT, level("kepalanya berdarah"));
    assertEquals(RiskLevel.NONE, level("anak saya kena demam berdarah, sudah dirawat"));
  }

  @Test
  void indonesianEndingsAreUnderstood() {
    assertEquals(RiskLevel.URGENT, level("suamiku mengancam akan membunuhku"));
    assertEquals(RiskLevel.URGENT, level("ketubannya pecah"));
  }

  @Test
  void matchesCarryCategoryPhraseAndTheFamilysOwnWords() {
    ScreenResult r = SCREEN.screen("Tolong kak... Suamiku MUKULIN aku tadi malam");
    assertTrue(r.urgent());
    ScreenMatch m = r.matches().get(0);
    assertEquals("violence_home", m.category());
    assertEquals(RiskLevel.URGENT, m.level());
    assertTrue(m.excerpt().contains("MUKULIN"), m.excerpt());
    assertEquals(r.level(), r.matches().get(0).level(), "most serious match first");
  }

  @Test
  void severalCategoriesAreAllReported() {
    ScreenResult r = SCREEN.screen("anak saya dipukuli ayahnya dan sekarang pingsan");
    List<String> categories = r.matches().stream().map(ScreenMatch::category).toList();
    assertTrue(categories.contains("child_danger"), categories.toString());
    assertTrue(categories.contains("medical_emergency"), categories.toString());
  }

  @Test
  void neverThrowsOnOddInput() {
    assertEquals(ScreenResult.CLEAR, SCREEN.screen(null));
    assertEquals(ScreenResult.CLEAR, SCREEN.screen(""));
    assertEquals(ScreenResult.CLEAR, SCREEN.screen("   \n\t "));
    assertEquals(ScreenResult.CLEAR, SCREEN.screen("🙏🙏🙏😭😭"));
    assertEquals(ScreenResult.CLEAR, SCREEN.screen("\uD800\uDC00\uDBFF"));
    assertDoesNotThrow(() -> SCREEN.screen("a".repeat(100_000)));
    assertDoesNotThrow(() -> SCREEN.screen("9".repeat(100_000)));
    ScreenResult many = SCREEN.screen("aku pengen bunuh diri. ".repeat(5_000));
    assertTrue(many.urgent());
    assertTrue(many.matches().size() <= LexiconCrisisScreen.MAX_MATCHES);
    StringBuilder mixed = new StringBuilder();
    while (mixed.length() < 100_000) mixed.append("dipukul* m4ti 😂 ,.,!? gk pgn hidup lagi ");
    assertDoesNotThrow(() -> SCREEN.screen(mixed.toString()));
    assertEquals(0, SCREEN.failures());
  }

  /** Random strings drawn from letters, digits, punctuation, emoji, marks and broken surrogates. */
  @Test
  void fuzzedInputNeverThrows() {
    String[] pieces = {"a", "i", "m", "t", "x", "4", "1", "0", "2", " ", " ", ".", ",", "!", "'", "*", "@",
        "\n", "\t", "é", "\u0301", "\u200d", "😂", "🙏", "\uD83D", "\uDE00", "ß", "İ", "ﬁ", "مرحبا", "你好",
        "bunuh", "diri", "mati", "ingin", "gk", "pgn", "tidak", "anak", "dipukul", "selamat", "tinggal", "maaf"};
    Random random = new Random(20251123L);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(60);
      for (int k = 0; k < len; k++) {
        sb.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x10000) : pieces[random.nextInt(pieces.length)]);
      }
      String text = sb.toString();
      ScreenResult r = assertDoesNotThrow(() -> SCREEN.screen(text), text);
      assertNotNull(r);
      assertEquals(r.level(), r.matches().stream().map(ScreenMatch::level)
          .reduce(RiskLevel.NONE, RiskLevel::max));
    }
    assertEquals(0, SCREEN.failures());
  }

  @Test
  void safeToCallFromManyThreads() {
    List<String> texts = List.of("aku pengen mati", "anak saya susah makan", "he hits me", "mati gue lupa PR");
    List<RiskLevel> expected = texts.stream().map(LexiconCrisisScreenTest::level).toList();
    IntStream.range(0, 20_000).parallel().forEach(i -> {
      int k = i % texts.size();
      assertEquals(expected.get(k), SCREEN.screen(texts.get(k)).level());
    });
  }

  /** Prints throughput for a short message; deliberately no timing assertion. */
  @Test
  void printsThroughput() {
    String[] msgs = {
        "kak aku udah gak kuat, suami tiap hari marah2 dan anak2 susah diatur",
        "gw pgn mati ajaaa, capek bgt sm semuanya",
        "selamat malam, mau tanya jadwal konseling minggu depan",
    };
    int sink = 0;
    for (int i = 0; i < 1_000_000; i++) sink += SCREEN.screen(msgs[i % 3]).matches().size();
    int n = 500_000;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) sink += SCREEN.screen(msgs[i % 3]).matches().size();
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "%nLexiconCrisisScreen: %.0f screens/s (one thread, short messages, sink %d)%n",
        n / seconds, sink);
    assertFalse(seconds < 0);
  }
}
