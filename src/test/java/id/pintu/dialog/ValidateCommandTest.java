package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  List<String> outLines() {
    return Arrays.asList(outBytes.toString(StandardCharsets.UTF_8).split("\\R"));
  }

  String errText() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCleanFolderExitsZeroWithASummary() {
    int code = ValidateCommand.run(List.of("src/test/resources/dialogs-ok"), out, err);
    assertEquals(0, code, String.join("\n", outLines()));
    assertEquals(List.of("OK: 2 scripts checked, no problems."), outLines());
    assertEquals("", errText());
  }

  @Test
  void aCleanFileIsCheckedAgainstItsFolder() {
    // first-contact.yaml quotes {service.name}: the folder's service.yaml makes it known
    int code = ValidateCommand.run(List.of("src/test/resources/dialogs-ok/first-contact.yaml"), out, err);
    assertEquals(0, code, String.join("\n", outLines()));
    assertEquals(List.of("OK: 1 script checked, no problems."), outLines());
  }

  @Test
  void aBrokenFilePrintsOneLinePerProblemAndExitsOne() {
    int code = ValidateCommand.run(List.of("src/test/resources/broken/unknown-next.yaml"), out, err);
    assertEquals(1, code);
    assertEquals(List.of(
        "unknown-next.yaml:3:5: node 'hello': 'next' names node 'nowhere', which is not in this script",
        "1 problem in 1 file (1 script checked)."), outLines());
  }

  @Test
  void aBrokenFolderListsEveryFileAndExitsOne() {
    int code = ValidateCommand.run(List.of("src/test/resources/broken"), out, err);
    assertEquals(1, code);
    List<String> lines = outLines();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("syntax.yaml:")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("bad-pattern.yaml:") && l.contains("node 'code'")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("first-contact.yaml: the folder has no 'first-contact' script")), String.join("\n", lines));
    assertTrue(lines.get(lines.size() - 1).matches("\\d+ problems in \\d+ files \\(\\d+ scripts checked\\)\\."), lines.get(lines.size() - 1));
  }

  @Test
  void aMissingPathIsAUsageError() {
    int code = ValidateCommand.run(List.of("src/test/resources/no-such-folder"), out, err);
    assertEquals(2, code);
    assertTrue(errText().contains("no-such-folder"), errText());
    assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void twoPathsAreAUsageError() {
    assertEquals(2, ValidateCommand.run(List.of("a", "b"), out, err));
    assertTrue(errText().startsWith("Usage: validate"), errText());
  }
}
