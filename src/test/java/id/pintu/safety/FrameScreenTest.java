package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The frame screen as a counselor would judge it, on sentences no lexicon entry lists verbatim. */
class FrameScreenTest {
  static final FrameScreen SCREEN = new FrameScreen(Lexicon.fromClasspath());

  static RiskLevel level(String text) {
    return SCREEN.screen(text).level();
  }

  static void urgent(String text) {
    assertEquals(RiskLevel.URGENT, level(text), text);
  }

  @Test
  void aMeansAndItsReadinessAreUrgentInWordsNobodyListed() {
    // No concept lists these sentences; "tambang" (rope) + "kusiapin" (ready) make the frame.
    urgent("tambangnya udah kusiapin di kamar belakang");
    urgent("the rope is ready in the garage");
    urgent("dia barusan nenggak obat hama, mulutnya berbusa");
    urgent("took a whole box of my mum's sleeping pills an hour ago");
  }

  @Test
  void indonesianAffixesAndChatSpellingReachTheRoot() {
    urgent("suamiku mukulin aku pake sapu");   // mukul-in -> pukul
    urgent("ayah lagi nampar ibu");            // nampar -> tampar
    urgent("aku disiksa tiap malam");          // di-siksa
    urgent("my husband is hitting me right now please help");
  }

  @Test
  void aTypoOfALongWordStillMatches() {
    urgent("aku diperkoas sama pacarku kemarin"); // diperkosa, two letters swapped
  }

  @Test
  void negationJokesAndNewsLowerTheLevel() {
    assertEquals(RiskLevel.CONCERN, level("aku tidak ingin bunuh diri, cuma capek"));
    assertEquals(RiskLevel.NONE, level("mati aku lupa PR wkwk"));
    assertEquals(RiskLevel.CONCERN, level("baca berita ada orang lompat dari jembatan, ngeri"));
    assertEquals(RiskLevel.NONE, level("hp aku mati terus, boleh lewat wa aja?"));
    assertNotEquals(RiskLevel.URGENT, level("kemarin saya bunuh nyamuk di kamar anak"));
  }

  @Test
  void thePastIsAConcernUnlessItIsHappeningAgain() {
    assertEquals(RiskLevel.CONCERN, level("dulu waktu kecil aku pernah dipukul ayah"));
    urgent("dulu sering dipukul, sekarang dia mukul aku lagi");
    // A "now" in another sentence says it is over, not that it is happening.
    assertEquals(RiskLevel.CONCERN, level("waktu SD aku sering ditampar om. sekarang aku udah kuliah"));
    assertEquals(RiskLevel.CONCERN, level("my dad used to beat my mum. they are divorced now"));
    urgent("dulu dia pernah nampar aku, sekarang dia nampar aku lagi");
  }

  @Test
  void aStanceWordThatIsPartOfTheDangerDoesNotSoftenIt() {
    // "baterai" is a dead phone elsewhere; here it is what the child swallowed.
    urgent("adikku 3 tahun nelan baterai kancing, sekarang muntah");
    assertEquals(RiskLevel.NONE, level("baterai hp aku mati terus, nanti aku chat lagi ya"));
  }

  @Test
  void whereAbuseHappensIsNotTakenForAStory() {
    // A church, a meal: places where danger is told too, never words that soften it.
    urgent("pendeta di gereja kami melecehkan anak2 sekolah minggu, adik saya kena");
    urgent("suami bilang mau bunuh aku pas makan malam nanti");
    assertEquals(RiskLevel.CONCERN, level("tanteku bilang mau bunuh aku kalau makan kuenya wkwk"), "laughter still lowers a joke");
  }

  @Test
  void holdingBackOrRageAtThingsIsAConcernNotAnAlarm() {
    assertEquals(RiskLevel.CONCERN, level("kadang aku pengen nonjok dia, tapi ga bakal kulakuin"));
    assertEquals(RiskLevel.CONCERN, level("dad punched the wall again last night"));
    urgent("dad punched me again last night");
  }

  @Test
  void laughterTakesAnyFrameToAConcernNotToNothing() {
    assertEquals(RiskLevel.CONCERN, level("dia dipukul pakai sandal sama mama wkwk"));
  }

  @Test
  void teenagersChatInEnglishIsRead() {
    urgent("kms fr");
    urgent("i relapsed last night, the cuts are deep");
    urgent("i have a plan, i can't do this anymore");
    urgent("i'm 14 and he wants to meet me at a hotel");
    urgent("i just want it all to stop permanently");
    assertEquals(RiskLevel.CONCERN, level("i have a plan and i'm doing it tonight"));
    assertEquals(RiskLevel.NONE, level("we have a plan for tonight's dinner"));
  }

  @Test
  void chatAndRegionalWordsForTheWorstThings() {
    urgent("gue pen ending aja dah");
    urgent("aing hayang paeh wae");
    urgent("pacar aku maksa ngewe, aku gamau");
    urgent("cowok gue ngancem nyebarin video aku");
    urgent("gue bakal bacok dia besok di sekolah");
    urgent("mamah teu uih ti kamari, abdi sareng adi di bumi nyalira");
  }

  @Test
  void anAgeIsNotADurationAndElevenIsNotOne() {
    urgent("my 4 year old was alone");
    assertNotEquals(RiskLevel.URGENT, level("is it ok if my 11 year old walks to school alone"));
  }

  @Test
  void placesArrangementsAndAbsencesNobodyListed() {
    urgent("aku lagi di atas jembatan tol, udah di luar pagar");
    urgent("I'm on the roof of my dorm and I can't stop shaking");
    urgent("semua tabunganku udah aku transfer ke adek, maaf ya semuanya");
    assertEquals(RiskLevel.CONCERN, level("semua barang di kos udah aku bagiin"));
    urgent("my 5 year old is not at home and we cant find him anywhere, its dark");
    urgent("the kid next door has been home alone for three days");
    urgent("istri saya habis lahiran, darahnya banyak sekali");
    urgent("barusan aku nelen obat tidur kira2 20an butir, kepala muter");
  }

  @Test
  void aTimeOfDayIsNotABlow() {
    assertEquals(RiskLevel.NONE, level("kantornya buka pukul 8 sampai pukul 4 sore?"));
  }

  @Test
  void dangerToldInTwoMessagesIsSeenOnTheSecond() {
    Screened first = SCREEN.screen("talinya sudah aku gantung di kusen", RiskMemory.EMPTY);
    Screened alone = SCREEN.screen("malam ini", RiskMemory.EMPTY);
    assertEquals(RiskLevel.NONE, alone.result().level());
    Screened rope = SCREEN.screen("aku beli tali tadi", RiskMemory.EMPTY);
    Screened then = SCREEN.screen("nanti malam aku siapin", rope.memory());
    assertEquals(RiskLevel.URGENT, then.result().level(), then.result().toString());
    assertTrue(then.result().matches().get(0).phrase().contains("earlier"), then.result().toString());
    // "he beat me last week" is a concern; "he's home now" after it is urgent
    Screened past = SCREEN.screen("he beat me last week", RiskMemory.EMPTY);
    assertEquals(RiskLevel.CONCERN, past.result().level());
    assertEquals(RiskLevel.URGENT, SCREEN.screen("and he is home now, drunk", past.memory()).result().level());
    assertTrue(first.result().flagged());
  }

  @Test
  void theMemoryHoldsConceptNamesNeverWords() {
    Screened s = SCREEN.screen("suamiku bawa golok dan teriak mau bunuh aku", RiskMemory.EMPTY);
    String kept = String.join(" ", s.memory().recent());
    assertFalse(kept.contains("golok") || kept.contains("suami"), kept);
    assertTrue(kept.contains("weapon"), kept);
    RiskMemory m = RiskMemory.EMPTY;
    for (int i = 0; i < 10; i++) m = SCREEN.screen("halo " + i, m).memory();
    assertEquals(RiskMemory.MESSAGES, m.recent().size());
  }

  @Test
  void theCounselorSeesWhyAndTheFamilysOwnWords() {
    ScreenResult r = SCREEN.screen("Suamiku bawa PISAU sambil teriak2");
    assertTrue(r.urgent());
    ScreenMatch m = r.matches().get(0);
    assertEquals("violence_home", m.category());
    assertTrue(m.phrase().startsWith("threat_with_weapon: "), m.phrase());
    assertTrue(m.excerpt().contains("PISAU"), m.excerpt());
  }

  @Test
  void neverThrowsOnOddInput() {
    for (String s : new String[] {null, "", " ", "\u0000", "😂😂😂", "#", "*", "2222", "a".repeat(50_000),
        "\uD83D", "tidak tidak tidak tidak", "ـــ", "\u202Ebunuh diri"}) {
      SCREEN.screen(s, RiskMemory.EMPTY);
    }
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(60); k > 0; k--) b.append((char) random.nextInt(0x3000));
      SCREEN.screen(b.toString(), new RiskMemory(List.of("rope ready", "not-a-concept", "")));
    }
    assertEquals(0, SCREEN.failures());
  }

  @Test
  void safeToCallFromManyThreads() throws Exception {
    List<String> texts = List.of("aku mau bunuh diri", "anak saya hilang dari kemarin", "halo kak", "mati aku lupa PR wkwk");
    List<RiskLevel> expected = texts.stream().map(FrameScreenTest::level).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> all = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        all.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            int k = i % texts.size();
            if (SCREEN.screen(texts.get(k)).level() != expected.get(k)) return false;
          }
          return true;
        }));
      }
      for (Future<Boolean> f : all) assertTrue(f.get());
    } finally {
      pool.shutdownNow();
    }
  }
}
