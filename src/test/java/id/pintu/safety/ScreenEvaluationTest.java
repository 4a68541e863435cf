package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --eval} with a tiny keyword screen written here, so every figure is known
 * exactly and does not move when the real lexicon changes; one test runs the real screen and
 * checks only the shape of the output.
 */
class ScreenEvaluationTest {

  /** Flags a message when it contains one of a few words: the lexicon's job in miniature. */
  static final CrisisScreen TINY = text -> {
    String t = text.toLowerCase(Locale.ROOT);
    List<ScreenMatch> found = new ArrayList<>();
    for (Map.Entry<String, ScreenMatch> e : Map.of(
        "bunuh diri", new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "bunuh diri", "bunuh diri"),
        "kill myself", new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "kill myself", "kill myself"),
        "mukul", new ScreenMatch("violence_home", RiskLevel.URGENT, "mukul", "mukul"),
        "pingsan", new ScreenMatch("medical_emergency", RiskLevel.URGENT, "pingsan", "pingsan"),
        "capek", new ScreenMatch("suicide_self_harm", RiskLevel.CONCERN, "capek", "capek")).entrySet()) {
      if (t.contains(e.getKey())) found.add(e.getValue());
    }
    if (found.isEmpty()) return ScreenResult.CLEAR;
    found.sort((a, b) -> b.level().compareTo(a.level()));
    return new ScreenResult(found.get(0).level(), found);
  };

  record Run(int status, String out, String err) {}

  static Run evaluate(Path file, CrisisScreen screen) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScreenCommand.evaluate(file, screen, "tiny test screen",
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path fixture() {
    try {
      return Path.of(ScreenEvaluationTest.class.getResource("/safety/eval-fixture.tsv").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void figuresOnTheFixtureAreExact() {
    ScreenEvaluation.Report r = ScreenEvaluation.evaluate(
        LabelledMessages.parse(readLines(fixture())), TINY);
    assertEquals(12, r.messages());
    assertEquals(new ScreenEvaluation.Ratio(4, 6), r.urgentRecall());
    assertEquals(new ScreenEvaluation.Ratio(4, 6), r.urgentPrecision());
    assertEquals(new ScreenEvaluation.Ratio(2, 4), r.ordinaryScreenedUrgent());
    assertEquals(new ScreenEvaluation.Ratio(5, 6), r.urgentFlagged());
    assertEquals(1, r.count(RiskLevel.URGENT, RiskLevel.NONE));
    assertEquals(1, r.count(RiskLevel.URGENT, RiskLevel.CONCERN));
    assertEquals(4, r.count(RiskLevel.URGENT, RiskLevel.URGENT));
    assertEquals(1, r.count(RiskLevel.CONCERN, RiskLevel.NONE));
    assertEquals(1, r.count(RiskLevel.CONCERN, RiskLevel.CONCERN));
    assertEquals(2, r.count(RiskLevel.NONE, RiskLevel.NONE));
    assertEquals(2, r.count(RiskLevel.NONE, RiskLevel.URGENT));
    assertEquals(List.of(6, 8), r.misses().stream().map(d -> d.message().line()).toList());
    assertEquals(List.of(14, 16), r.falseUrgent().stream().map(d -> d.message().line()).toList());
  }

  @Test
  void printsTheFiguresTheTableAndEveryMiss() {
    Run run = evaluate(fixture(), TINY);
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
    String out = run.out();
    List<String> lines = out.lines().toList();
    assertTrue(out.contains("  messages: 12 (urgent 6, concern 2, none 4)\n"), out);
    assertTrue(out.contains("  skipped:  1 line\n"
        + "    line 17 skipped: the level must be urgent, concern or none, not 'urgnet'\n"), out);
    assertTrue(lines.contains("  urgent recall                               66.7%   4 of 6 urgent messages screened urgent"), out);
    assertTrue(lines.contains("  urgent precision                            66.7%   4 of 6 messages screened urgent were labelled urgent"), out);
    assertTrue(lines.contains("  ordinary messages screened urgent           50.0%   2 of 4 'none' messages screened urgent"), out);
    assertTrue(lines.contains("  urgent messages screened at least concern   83.3%   5 of 6 urgent messages screened concern or urgent"), out);
    assertTrue(out.contains(""
        + "                none  concern  urgent\n"
        + "  none             2        0       2\n"
        + "  concern          1        1       0\n"
        + "  urgent           1        1       4\n"), out);
    assertTrue(out.contains("Urgent recall by category (your category column)\n"
        + "  medical_emergency    100.0%   1 of 1\n"
        + "  sexual_violence        0.0%   0 of 1\n"
        + "  suicide_self_harm     66.7%   2 of 3\n"
        + "  violence_home        100.0%   1 of 1\n"), out);
    assertTrue(out.contains("Urgent recall by language (your lang column)\n"
        + "  en                   100.0%   1 of 1\n"
        + "  id                    66.7%   2 of 3\n"
        + "  mix                   50.0%   1 of 2\n"), out);
    assertTrue(out.contains("Missed urgent messages: 2\n"
        + "  line 6: expected urgent, screened concern (labelled suicide_self_harm)"
        + " - suicide_self_harm, phrase \"capek\" in \"capek\"\n"
        + "      aku capek, I want to end it all\n"
        + "  line 8: expected urgent, screened none (labelled sexual_violence) - no lexicon phrase matched\n"
        + "      paman saya memperkosa saya kemarin\n"), out);
    assertTrue(out.contains("False urgent (screened urgent, labelled concern or none): 2\n"
        + "  line 14: expected none, screened urgent (labelled none) - suicide_self_harm, phrase \"bunuh diri\" in \"bunuh diri\"\n"
        + "      tokoh di novel itu bunuh diri, saya mau diskusi soal bukunya\n"
        + "  line 16: expected none, screened urgent (labelled none) - violence_home, phrase \"mukul\" in \"mukul\"\n"
        + "      guru bilang anak saya mukul temannya di sekolah\n"), out);
  }

  /** Without category and lang columns: the screen's category (misses under unknown), guessed language. */
  @Test
  void twoColumnFileUsesTheScreensCategoryAndGuessesTheLanguage(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.tsv");
    Files.writeString(file, String.join("\n",
        "urgent\taku mau bunuh diri",
        "urgent\the hit me and I want to kill myself",
        "urgent\ttolong suami mukul aku, I am so scared",
        "urgent\tpaman memperkosa saya",
        "none\thalo kak",
        "none\tsuicide_self_harm\tid\tfour columns in a two-column file",
        ""));
    Run run = evaluate(file, TINY);
    assertEquals(0, run.status(), run.err());
    String out = run.out();
    assertTrue(out.contains("    line 6 skipped: has category and lang columns but the first line has none;"), out);
    assertTrue(out.contains("misses under unknown)\n"
        + "  suicide_self_harm    100.0%   2 of 2\n"
        + "  unknown                0.0%   0 of 1\n"
        + "  violence_home        100.0%   1 of 1\n"), out);
    assertTrue(out.contains("guessed from common words, see docs/SCRIPTS.md)\n"
        + "  en                   100.0%   1 of 1\n"
        + "  id                    50.0%   1 of 2\n"
        + "  mix                  100.0%   1 of 1\n"), out);
    assertTrue(out.contains("  line 4: expected urgent, screened none - no lexicon phrase matched\n"), out);
    assertTrue(out.contains("False urgent (screened urgent, labelled concern or none): 0\n"), out);
  }

  @Test
  void malformedLinesAreNamedAndSkipped() {
    LabelledMessages.Parsed p = LabelledMessages.parse(List.of(
        "\uFEFFurgent\tsuicide_self_harm\tid\taku mau mati\r",
        "urgent no tab here",
        "urgent\tsuicide_self_harm\tid",
        "urgent\tsuicide\tid\tunknown category",
        "urgent\tviolence_home\tjv\tunknown lang",
        "urgent\tviolence_home\ten\t  ",
        "# a comment",
        "concern\tchild_danger\tID\tanak saya\tdi luar"));
    assertTrue(p.withCategories());
    assertEquals(List.of(
        new LabelledMessages.Message(1, RiskLevel.URGENT, "suicide_self_harm", "id", "aku mau mati"),
        new LabelledMessages.Message(8, RiskLevel.CONCERN, "child_danger", "id", "anak saya di luar")), p.messages());
    assertEquals(List.of(2, 3, 4, 5, 6), p.problems().stream().map(LabelledMessages.Problem::line).toList());
    assertEquals("line 2 skipped: no tab; write the level, a tab, then the message", p.problems().get(0).sentence());
    assertEquals("line 3 skipped: expected 4 columns (level, category, lang, text) like the first line, found 3",
        p.problems().get(1).sentence());
    assertTrue(p.problems().get(2).reason().startsWith("unknown category 'suicide'"), p.problems().get(2).reason());
    assertEquals("the lang must be id, en or mix, not 'jv'", p.problems().get(3).reason());
    assertEquals("there is no message after the level", p.problems().get(4).reason());
  }

  @Test
  void languageGuess() {
    assertEquals("id", LanguageGuess.guess("kak aku mau bundir aja"));
    assertEquals("en", LanguageGuess.guess("I want to kill myself tonight"));
    assertEquals("mix", LanguageGuess.guess("aku feel so lonely, I can't"));
    assertEquals("id", LanguageGuess.guess("tolong!!"), "no function word: the service's first language");
  }

  @Test
  void aMissingFileIsOneSentenceAndExitOne(@TempDir Path dir) throws IOException {
    Run missing = evaluate(dir.resolve("nope.tsv"), TINY);
    assertEquals(1, missing.status());
    assertEquals("screen: no such file: " + dir.resolve("nope.tsv") + "\n", missing.err().replace("\r", ""));
    assertEquals("", missing.out());

    Path empty = Files.writeString(dir.resolve("empty.tsv"), "# only a comment\nurgnet\tx\n");
    Run none = evaluate(empty, TINY);
    assertEquals(1, none.status());
    assertTrue(none.err().contains("line 2 skipped"), none.err());
    assertTrue(none.err().contains("has no labelled messages"), none.err());

    Path binary = Files.write(dir.resolve("latin1.tsv"), new byte[] {'n', 'o', 'n', 'e', '\t', (byte) 0xE9, '\n'});
    Run notUtf8 = evaluate(binary, TINY);
    assertEquals(1, notUtf8.status());
    assertTrue(notUtf8.err().contains("is not UTF-8 text"), notUtf8.err());
  }

  @Test
  void theCommandWithTheRealScreenPrintsEverySection() {
    ScreenCommandTest.Run r = ScreenCommandTest.run(List.of("screen", "--eval", fixture().toString()), "");
    assertEquals(0, r.status(), r.err());
    for (String heading : List.of("Crisis screen evaluation", "  messages: 12 (urgent 6, concern 2, none 4)",
        "line 17 skipped", "Summary", "urgent recall", "urgent precision", "ordinary messages screened urgent",
        "urgent messages screened at least concern", "Confusion table", "Urgent recall by category (your category column)",
        "Urgent recall by language (your lang column)", "Missed urgent messages: ", "False urgent")) {
      assertTrue(r.out().contains(heading), heading + " missing in:\n" + r.out());
    }
    assertFalse(r.out().contains("tiny"), r.out());
  }

  @Test
  void messagesTheScreenLearnedFromAreCountedAndAnOwnExamplesFileIsUsed(@TempDir Path dir) throws IOException {
    // Own examples: the fixture's messages plus enough of each level; evaluating on them is flagged.
    List<String> lines = new ArrayList<>();
    for (String l : readLines(fixture())) {
      if (!l.startsWith("#") && l.split("\t", -1).length == 4 && !l.startsWith("urgnet")) lines.add(l);
    }
    for (int i = 0; i < 20; i++) {
      lines.add("urgent\tviolence_home\tid\tsuami saya memukul saya sekarang " + i);
      lines.add("concern\tviolence_home\tid\tsuami saya suka membentak saya " + i);
      lines.add("none\tnone\tid\tanak saya malas belajar matematika " + i);
    }
    Path examples = dir.resolve("my-examples.tsv");
    Files.write(examples, lines, StandardCharsets.UTF_8);
    ScreenCommandTest.Run r = ScreenCommandTest.run(List.of("screen", "--eval", fixture().toString(), "--examples", examples.toString()), "");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("examples " + examples), r.out());
    assertTrue(r.out().contains("Note: 12 of these 12 messages are among the examples the screen learns from"), r.out());

    ScreenCommandTest.Run own = ScreenCommandTest.run(List.of("screen", "--eval", fixture().toString()), "");
    assertFalse(own.out().contains("Note: "), "the fixture is not among the shipped examples: " + own.out());

    Files.write(examples, lines.subList(0, 10), StandardCharsets.UTF_8);
    ScreenCommandTest.Run broken = ScreenCommandTest.run(List.of("screen", "--eval", fixture().toString(), "--examples", examples.toString()), "");
    assertEquals(1, broken.status());
    assertTrue(broken.err().contains("the screen needs at least 20 of each level"), broken.err());
    assertEquals(1, broken.err().lines().count(), broken.err());
  }

  @Test
  void usage() {
    assertEquals(2, ScreenCommandTest.run(List.of("screen", "--eval"), "").status());
    ScreenCommandTest.Run help = ScreenCommandTest.run(List.of("screen", "--help"), "");
    assertEquals(0, help.status());
    for (String option : List.of("--eval", "--lexicon", "--examples", "--help")) assertTrue(help.out().contains(option), help.out());
    ScreenCommandTest.Run missing = ScreenCommandTest.run(List.of("screen", "--eval", "/no/such/file.tsv"), "");
    assertEquals(1, missing.status());
    assertEquals(1, missing.err().lines().count(), missing.err());
  }

  static List<String> readLines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
