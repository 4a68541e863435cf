package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen families meet: frames and the model of the examples, each checking the other. */
class CombinedScreenTest {
  static final CombinedScreen SCREEN = CrisisScreens.forDialogs(Path.of("dialogs"));

  static ScreenMatch byExamples(ScreenResult r) {
    return r.matches().stream().filter(m -> m.phrase().startsWith("like the ")).findFirst()
        .orElseThrow(() -> new AssertionError("no match by the examples in " + r.matches()));
  }

  @Test
  void dangerNoFrameDescribesIsCaughtByTheExamplesItResembles() {
    // Strangling and a blocked door: no frame of the lexicon has these words (the frames alone say nothing).
    for (String text : List.of("suamiku barusan nyekik leherku sampe aku susah napas, dia masih di ruang tamu",
        "he pushed my head into the wall and now he is blocking the front door")) {
      assertEquals(RiskLevel.NONE, SCREEN.frames().screen(text).level(), "the frames alone: " + text);
      ScreenResult r = SCREEN.screen(text);
      assertEquals(RiskLevel.URGENT, r.level(), text);
      assertEquals("violence_home", byExamples(r).category(), text);
      assertEquals("like the urgent examples", byExamples(r).phrase());
    }
  }

  @Test
  void theCounselorSeesTheWordsThatWeighedNotFunctionWords() {
    ScreenMatch m = byExamples(SCREEN.screen("suamiku barusan nyekik leherku sampe aku susah napas, dia masih di ruang tamu"));
    List<String> words = List.of(m.excerpt().split(" … "));
    assertFalse(words.isEmpty());
    assertTrue(words.size() <= 3, m.excerpt());
    for (String w : words) {
      assertTrue("suamiku barusan nyekik leherku sampe aku susah napas, dia masih di ruang tamu".contains(w), w);
      assertFalse(List.of("aku", "dia", "di", "masih", "sampe").contains(w), "a function word shown: " + m.excerpt());
    }
  }

  @Test
  void shortAnswersAreLeftToTheFrames() {
    // Names, places and "sudah" at a question: the examples hold almost no message this short.
    for (String text : List.of("Rina", "sudah", "Kota Bandung", "ya kak")) {
      assertEquals(RiskLevel.NONE, SCREEN.screen(text).level(), text);
    }
    assertEquals(SCREEN.frames().screen("pengen mati aja").level(), SCREEN.screen("pengen mati aja").level());
  }

  @Test
  void ordinaryFamilyTroubleIsNotAnEmergency() {
    for (String text : List.of("anak saya tidak mau sekolah sudah dua minggu, kerjanya main game terus",
        "my son stopped going to school and won't talk to us, what can we do",
        "hp aku mati terus, boleh lewat wa aja?")) {
      assertEquals(RiskLevel.NONE, SCREEN.screen(text).level(), text);
    }
  }

  @Test
  void dangerToldOverSeveralMessagesStillStands() {
    // The model sees one message; a frame the earlier messages completed is not lowered by it.
    Screened rope = SCREEN.screen("aku beli tali tadi", RiskMemory.EMPTY);
    Screened then = SCREEN.screen("nanti malam aku siapin", rope.memory());
    assertEquals(RiskLevel.URGENT, then.result().level());
    Screened past = SCREEN.screen("he beat me last week", RiskMemory.EMPTY);
    assertEquals(RiskLevel.URGENT, SCREEN.screen("and he is home now, drunk", past.memory()).result().level());
  }

  /** Twenty-odd examples of each level, varied by a number so that they are distinct lines. */
  static List<LabelledMessages.Message> examples(String urgent, String concern, String none) {
    List<LabelledMessages.Message> out = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      out.add(new LabelledMessages.Message(out.size() + 1, RiskLevel.URGENT, "violence_home", "id", urgent + " " + i));
      out.add(new LabelledMessages.Message(out.size() + 1, RiskLevel.CONCERN, "violence_home", "id", concern + " " + i));
      out.add(new LabelledMessages.Message(out.size() + 1, RiskLevel.NONE, "none", "id", none + " " + i));
    }
    return out;
  }

  @Test
  void aFramesUrgentStandsEvenWhenTheExamplesFindItUnlikeDanger() {
    // Examples that have only ever seen a bridge in ordinary messages.
    CombinedScreen s = new CombinedScreen(FrameScreen.loadDefault(), examples(
        "suami saya memukul saya dengan sapu sekarang tolong", "suami saya suka membentak dan memaki saya",
        "aku di atas jembatan sekarang mau loncat ke sungai lihat pemandangan"));
    String text = "aku di atas jembatan sekarang mau loncat";
    assertEquals(RiskLevel.URGENT, s.frames().screen(text).level(), "the frames alone");
    assertTrue(s.examplesScoreForTest(text).urgent() < 0.2, "the examples find it ordinary");
    assertEquals(RiskLevel.URGENT, s.screen(text).level(), "in danger, help first: the examples never lower a frame's urgent");
  }

  @Test
  void aFramesUrgentTheExamplesKnowAsAConcernBecomesTheDirectQuestion() {
    // Examples in which a beating long ago is a concern: the frames see a beating, the examples the past.
    CombinedScreen s = new CombinedScreen(FrameScreen.loadDefault(), examples(
        "suami saya memukul saya dengan sapu sekarang tolong",
        "dulu waktu kecil aku sering dipukul bapak, sekarang masih suka mimpi buruk",
        "anak saya tidak mau sekolah, kerjanya main game"));
    String text = "dulu waktu kecil aku sering dipukul bapak, sekarang masih suka mimpi buruk";
    assertEquals(RiskLevel.URGENT, s.frames().screen(text).level(), "the frames alone");
    ScreenResult r = s.screen(text);
    assertEquals(RiskLevel.CONCERN, r.level(), "asked directly, not sent the crisis script, and never cleared");
    assertEquals("like the concern examples", r.matches().get(r.matches().size() - 1).phrase(), "the counselor sees why: " + r.matches());
    // The same words told as danger now stay urgent.
    assertEquals(RiskLevel.URGENT, s.screen("suami saya memukul saya dengan sapu sekarang tolong").level());
  }

  @Test
  void aBrokenExamplesFileIsRefusedWithItsLinesNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve(Examples.FILE);
    List<String> lines = new ArrayList<>();
    for (LabelledMessages.Message m : examples("a b c d", "e f g h", "i j k l")) {
      lines.add(m.expected().wire() + "\t" + m.category() + "\t" + m.lang() + "\t" + m.text());
    }
    lines.add("urgnet\tviolence_home\tid\tsuami saya memukul saya");
    Files.write(file, lines, StandardCharsets.UTF_8);
    Examples.ExamplesException e = assertThrows(Examples.ExamplesException.class, () -> CrisisScreens.forDialogs(dir));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.problems().contains("line 76 skipped: the level must be urgent, concern or none, not 'urgnet'"), e.problems().toString());

    Files.write(file, lines.subList(0, 30), StandardCharsets.UTF_8); // ten of each level
    e = assertThrows(Examples.ExamplesException.class, () -> CrisisScreens.forDialogs(dir));
    assertTrue(e.problems().contains("it has 10 urgent examples; the screen needs at least 20 of each level to learn from"),
        e.problems().toString());
  }

  @Test
  void theSameExamplesAlwaysTeachTheSameModel() {
    // Learned twice from scratch (not from the screen's cache): the admin's edit is the only thing that changes a verdict.
    List<LabelledMessages.Message> ex = Examples.load(Path.of("dialogs", Examples.FILE)).subList(0, 1200);
    List<String> categories = LabelledMessages.CATEGORIES.subList(0, 7);
    ChatNormalizer n = FrameScreen.loadDefault().normalizer();
    String text = "temenku ngirim foto dia di atas gedung parkiran, bilang ini yang terakhir";
    assertEquals(new ExampleModel(n, ex, categories).score(text, 1), new ExampleModel(n, ex, categories).score(text, 1));
  }
}
