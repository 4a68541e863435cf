package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconValidationTest {

  static Path fixture(String name) {
    try {
      return Path.of(LexiconValidationTest.class.getResource("/lexicon/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> problems(String name) {
    return LexiconProblems.check(Lexicon.load(fixture(name)));
  }

  static void assertSomeProblem(List<String> problems, String... fragments) {
    boolean found = problems.stream().anyMatch(p -> {
      for (String f : fragments) if (!p.contains(f)) return false;
      return true;
    });
    assertTrue(found, "no problem mentions " + List.of(fragments) + " in " + problems);
  }

  @Test
  void theCanonicalLexiconIsValid() {
    Lexicon lexicon = Lexicon.load(Path.of(Lexicon.DEFAULT_RELATIVE_PATH));
    assertEquals(List.of(), LexiconProblems.check(lexicon));
    assertEquals(Lexicon.KNOWN_CATEGORIES, lexicon.categories().keySet());
  }

  /** The jar carries a copy; it must not drift from the file admins edit. */
  @Test
  void classpathCopyIsByteIdenticalToTheCanonicalFile() throws IOException {
    byte[] canonical = Files.readAllBytes(Path.of(Lexicon.DEFAULT_RELATIVE_PATH));
    try (InputStream in = Lexicon.class.getResourceAsStream(Lexicon.CLASSPATH_RESOURCE)) {
      assertArrayEquals(canonical, in.readAllBytes(),
          "copy dialogs/crisis-lexicon.yaml to src/main/resources/id/pintu/safety/crisis-lexicon.yaml");
    }
  }

  @Test
  void emptyPhrases() {
    List<String> p = problems("broken-empty-phrase.yaml");
    assertSomeProblem(p, "suicide_self_harm entry 2", "empty phrase");
    assertSomeProblem(p, "suicide_self_harm entry 3 \"mengakhiri hidup\"", "empty phrase (alternative 2)");
  }

  @Test
  void unknownCategory() {
    assertSomeProblem(problems("broken-unknown-category.yaml"), "unknown category 'suicide'", "suicide_self_harm");
  }

  @Test
  void unknownOrMissingLevel() {
    List<String> p = problems("broken-unknown-level.yaml");
    assertSomeProblem(p, "violence_home entry 1 \"dipukul\"", "unknown level 'urgen'");
    assertSomeProblem(p, "violence_home entry 2 \"ditampar\"", "unknown level 'high'");
    assertSomeProblem(p, "violence_home entry 3 \"ditendang\"", "missing level");
  }

  @Test
  void duplicatesAreFoundAfterNormalisation() {
    assertSomeProblem(problems("broken-duplicate.yaml"), "duplicate phrase \"ingin mati\"",
        "medical_emergency entry 1", "suicide_self_harm entry 1");
  }

  @Test
  void unknownKeysAndSyntaxErrorsNameTheLine() {
    Lexicon.LexiconException typo = assertThrows(Lexicon.LexiconException.class,
        () -> Lexicon.load(fixture("broken-unknown-key.yaml")));
    assertTrue(typo.getMessage().contains("levle") && typo.getMessage().contains("line"), typo.getMessage());
    Lexicon.LexiconException syntax = assertThrows(Lexicon.LexiconException.class,
        () -> Lexicon.load(fixture("broken-syntax.yaml")));
    assertTrue(syntax.getMessage().contains("line"), syntax.getMessage());
  }

  @Test
  void theScreenRefusesAnInvalidLexicon() {
    Lexicon.LexiconException e = assertThrows(Lexicon.LexiconException.class,
        () -> new LexiconCrisisScreen(Lexicon.load(fixture("broken-unknown-level.yaml"))));
    assertEquals(3, e.problems().size(), e.problems().toString());
  }

  @Test
  void loadDefaultPrefersTheAdminsFileThenTheClasspath(@TempDir Path dir) throws IOException {
    Lexicon fromClasspath = Lexicon.loadDefault(dir);
    assertTrue(fromClasspath.categories().containsKey("suicide_self_harm"));
    Files.createDirectories(dir.resolve("dialogs"));
    Files.copy(fixture("small-valid.yaml"), dir.resolve(Lexicon.DEFAULT_RELATIVE_PATH));
    Lexicon local = Lexicon.loadDefault(dir);
    assertEquals(java.util.Set.of("child_danger"), local.categories().keySet());
  }
}
