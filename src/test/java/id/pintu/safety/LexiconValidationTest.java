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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an admin is told about a lexicon they broke: each problem names the place. */
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
  void theCanonicalLexiconIsValidAndUsesEveryCategory() {
    Lexicon lexicon = Lexicon.load(Path.of(Lexicon.DEFAULT_RELATIVE_PATH));
    assertEquals(List.of(), LexiconProblems.check(lexicon));
    Set<String> used = lexicon.framesOrEmpty().stream().map(Lexicon.Frame::category).collect(Collectors.toSet());
    assertEquals(Lexicon.KNOWN_CATEGORIES, used);
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
  void brokenFramesAndConceptsAreNamed() {
    List<String> p = problems("broken-frames.yaml");
    assertSomeProblem(p, "concept 'rope' item 2", "empty");
    assertSomeProblem(p, "concept 'ready' item 3 \"siap\" repeats item 1");
    assertSomeProblem(p, "frame 1 'means_ready'", "unknown category 'suicide'", "suicide_self_harm");
    assertSomeProblem(p, "frame 1 'means_ready'", "unknown level 'urgen'");
    assertSomeProblem(p, "frame 1 'means_ready'", "concept 'redy', which is not defined");
    assertSomeProblem(p, "frame 2 'means_ready'", "the id is used by frame 1 too");
    assertSomeProblem(p, "frame 2 'means_ready'", "lower_with names concept 'cooking'");
    assertSomeProblem(p, "frame 3", "missing id");
    assertSomeProblem(p, "frame 3", "'all' names no concepts");
  }

  @Test
  void theOldFormatIsRefusedWithWhatToWrite() {
    Lexicon.LexiconException e = assertThrows(Lexicon.LexiconException.class,
        () -> Lexicon.load(fixture("old-format.yaml")));
    assertTrue(e.getMessage().contains("categories"), e.getMessage());
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
  void aKeyWrittenTwiceIsRefusedNotSilentlyReplaced() {
    // A concept with two except: lists lost the first one without a word.
    Lexicon.LexiconException twice = assertThrows(Lexicon.LexiconException.class,
        () -> Lexicon.parse(new java.io.ByteArrayInputStream("""
            version: 2
            concepts:
              hit:
                except: [heart attack]
                words: [attack]
                except: ["pukul #"]
            frames: []
            """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "twice.yaml"));
    assertTrue(twice.getMessage().contains("except") && twice.getMessage().contains("line 6"), twice.getMessage());
  }

  @Test
  void theScreenRefusesAnInvalidLexicon() {
    Lexicon.LexiconException e = assertThrows(Lexicon.LexiconException.class,
        () -> new FrameScreen(Lexicon.load(fixture("broken-frames.yaml"))));
    assertTrue(e.problems().size() >= 9, e.problems().toString());
  }

  @Test
  void loadDefaultPrefersTheAdminsFileThenTheClasspath(@TempDir Path dir) throws IOException {
    Lexicon fromClasspath = Lexicon.loadDefault(dir);
    assertTrue(fromClasspath.conceptsOrEmpty().containsKey("rope"));
    Files.createDirectories(dir.resolve("dialogs"));
    Files.copy(fixture("small-valid.yaml"), dir.resolve(Lexicon.DEFAULT_RELATIVE_PATH));
    Lexicon local = Lexicon.loadDefault(dir);
    assertEquals(Set.of("child", "missing"), local.conceptsOrEmpty().keySet());
  }
}
