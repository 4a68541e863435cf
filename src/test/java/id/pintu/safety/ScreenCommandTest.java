package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenCommandTest {

  record Run(int status, String out, String err) {}

  static Run run(List<String> args, String stdin) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = ScreenCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsOneTabSeparatedLinePerMessage() {
    Run r = run(List.of("screen"), "aku ingin mengakhiri hidup\nmati gue lupa PR\n\nsuamiku\tmukulin aku\n");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(4, lines.size(), r.out());
    assertEquals("urgent\tsuicide_self_harm\tsuicide_said: mengakhiri hidup\taku ingin mengakhiri hidup", lines.get(0));
    assertEquals("none\t-\t-\tmati gue lupa PR", lines.get(1));
    assertEquals("none\t-\t-\t", lines.get(2));
    assertTrue(lines.get(3).startsWith("urgent\tviolence_home\t"), lines.get(3));
    assertTrue(lines.get(3).endsWith("\tsuamiku mukulin aku"), "tabs in the message are replaced");
  }

  @Test
  void usesTheGivenLexicon() {
    String file = LexiconValidationTest.fixture("small-valid.yaml").toString();
    Run r = run(List.of("--lexicon", file), "anakku hilang\naku ingin mati\n");
    assertEquals(0, r.status(), r.err());
    assertEquals(List.of("urgent\tchild_danger\tchild_missing: anakku + hilang\tanakku hilang", "none\t-\t-\taku ingin mati"),
        r.out().lines().toList());
  }

  @Test
  void anInvalidLexiconExitsWithOneAndNamesTheEntry() {
    String file = LexiconValidationTest.fixture("broken-frames.yaml").toString();
    Run r = run(List.of("screen", "--lexicon=" + file), "x\n");
    assertEquals(1, r.status());
    assertTrue(r.err().contains("frame 1 'means_ready'"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void missingFileAndBadArguments() {
    assertEquals(1, run(List.of("--lexicon", "/no/such/file.yaml"), "").status());
    Run bad = run(List.of("--frobnicate"), "");
    assertEquals(2, bad.status());
    assertTrue(bad.err().contains("usage"), bad.err());
    assertEquals(0, run(List.of("--help"), "").status());
  }
}
