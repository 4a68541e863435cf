package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptValidatorTest {
  static final Path OK = Path.of("src/test/resources/dialogs-ok");
  static final Path BROKEN = Path.of("src/test/resources/broken");

  static DialogFolder.Contents ok() {
    DialogFolder.Contents c = DialogFolder.read(OK);
    assertTrue(c.problems().isEmpty(), c.problems().toString());
    return c;
  }

  /** Validates one broken fixture against the valid folder, as the admin API would. */
  static List<Problem> broken(String fixture, String asFile) throws IOException {
    String yaml = Files.readString(BROKEN.resolve(fixture + ".yaml"), StandardCharsets.UTF_8);
    DialogFolder.Contents c = ok();
    return ScriptValidator.validateOne(asFile, yaml, c.scripts(), c.service());
  }

  static String show(List<Problem> ps) {
    return ps.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void theValidFolderHasNoProblems() {
    List<Problem> ps = ScriptValidator.validateFolder(OK);
    assertEquals(List.of(), ps, show(ps));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      no-id                    | -         | has no 'id'
      duplicate-id             | hello     | used twice
      no-technique             | hello     | does not say its 'technique'
      no-next                  | bye       | has no 'next'
      unknown-next             | hello     | 'next' names node 'nowhere'
      unknown-start            | -         | 'start' names node 'begin'
      unknown-option-next      | pick      | option 'a' names node 'nowhere'
      unknown-branch-next      | route     | rule 1 names node 'nowhere'
      unknown-otherwise        | route     | 'otherwise' names node 'nowhere'
      branch-no-otherwise      | route     | has no 'otherwise'
      branch-unknown-field     | route     | field 'mood', which no script declares
      branch-unknown-flag      | route     | flag 'consent_declined', which is never set
      branch-value-not-offered | route     | for 'maybe', but no question offers that value
      goto-unknown-script      | jump      | script 'nowhere', which does not exist
      goto-unknown-node        | jump      | node 'nowhere' of script 'crisis'
      unreachable              | orphan    | no path leads to this node
      no-ending                | again     | can never reach a handoff or an end
      auto-loop                | route     | without waiting for the family
      crisis-auto-loop         | hello     | in a crisis the engine skips small talk
      missing-translation      | hello     | text is missing in English ('en')
      undeclared-capture       | name      | field 'nickname', which is not declared
      type-mismatch            | kids      | a number question captures into field 'children' of type 'choice'
      bad-field-type           | -         | field 'mood' has type 'feeling'
      unknown-placeholder      | hello     | {service.address}
      empty-button             | pick      | option 'b' has no 'label'
      long-callback            | pertanyaan-tentang-keluarga | bytes of data; Telegram allows 64
      long-text                | hello     | characters long
      choice-without-options   | pick      | needs 'options'
      duplicate-option         | pick      | value 'a' is used twice
      min-over-max             | age       | 'min' (100) is larger than 'max' (10)
      bad-pattern              | code      | not a valid regular expression
      minlength-over-maxlength | story     | 'minLength' (50) is larger than 'maxLength' (10)
      small-talk-no-next       | pick      | a small_talk node needs its own 'next'
      bad-queue                | done      | the queue 'Konselor Senior!'
      """)
  void eachBrokenFixtureShowsExactlyItsProblem(String fixture, String node, String message) throws IOException {
    String file = fixture + ".yaml";
    List<Problem> ps = broken(fixture, file);
    assertEquals(1, ps.size(), "expected one problem in " + file + ", got:\n" + show(ps));
    Problem p = ps.get(0);
    assertEquals(file, p.file());
    assertEquals(node, p.node(), show(ps));
    assertTrue(p.message().contains(message), "expected '" + message + "' in: " + p);
  }

  @Test
  void nodeProblemsNameTheirLine() throws IOException {
    Problem p = broken("unreachable", "unreachable.yaml").get(0);
    // the orphan's "- id: orphan" is on line 8 of the fixture
    assertEquals(8, p.line(), p.toString());
    assertTrue(p.toString().startsWith("unreachable.yaml:8:"), p.toString());
  }

  @Test
  void syntaxErrorsComeWithLineAndColumn() throws IOException {
    List<Problem> ps = broken("syntax", "syntax.yaml");
    assertEquals(1, ps.size(), show(ps));
    assertEquals("syntax.yaml", ps.get(0).file());
    // the unclosed quote on line 6 swallows the rest of the flow mapping
    assertEquals(6, ps.get(0).line(), ps.get(0).toString());
    assertTrue(ps.get(0).column() > 0, ps.get(0).toString());
    assertTrue(ps.get(0).message().startsWith("YAML syntax error: "), ps.get(0).toString());
  }

  @Test
  void aNodeWithoutKindIsASyntaxProblem() throws IOException {
    List<Problem> ps = broken("no-kind", "no-kind.yaml");
    assertEquals(1, ps.size(), show(ps));
    assertTrue(ps.get(0).message().contains("no 'kind'"), ps.get(0).toString());
    assertTrue(ps.get(0).line() > 0, ps.get(0).toString());
  }

  @Test
  void smallTalkInTheCrisisScriptIsAProblem() throws IOException {
    List<Problem> ps = broken("crisis-small-talk", "crisis.yaml");
    assertEquals(1, ps.size(), show(ps));
    assertEquals("crisis.yaml", ps.get(0).file());
    assertEquals("hello", ps.get(0).node());
    assertTrue(ps.get(0).message().contains("small talk"), ps.get(0).toString());
  }

  @Test
  void aCrisisHandoffMustBeUrgent() throws IOException {
    List<Problem> ps = broken("crisis-not-urgent", "crisis.yaml");
    assertEquals(1, ps.size(), show(ps));
    assertEquals("urgent", ps.get(0).node());
    assertTrue(ps.get(0).message().contains("priority: urgent"), ps.get(0).toString());
  }

  @Test
  void theFolderNeedsFirstContactAndCrisis() {
    DialogFolder.Contents c = ok();
    Map<String, Script> onlyCrisis = Map.of("crisis", c.scripts().get("crisis"));
    List<Problem> ps = ScriptValidator.check(onlyCrisis, c.service());
    assertEquals(1, ps.size(), show(ps));
    assertEquals("first-contact.yaml", ps.get(0).file());
    Map<String, Script> onlyFirst = Map.of("first-contact", c.scripts().get("first-contact"));
    ps = ScriptValidator.check(onlyFirst, c.service());
    assertTrue(ps.stream().anyMatch(p -> p.file().equals("crisis.yaml") && p.message().contains("no 'crisis' script")), show(ps));
  }

  @Test
  void changingOneScriptReportsTheGotosItBreaksElsewhere() {
    DialogFolder.Contents c = ok();
    Script jumper = new Script("jumper", 0, null, null, Map.of(), List.of(
        new Node.Goto("jump", Technique.INFORMATION, "crisis", "urgent")));
    Map<String, Script> others = new java.util.LinkedHashMap<>(c.scripts());
    others.put("jumper", jumper);
    String crisisWithoutUrgent = """
        nodes:
          - id: safe
            kind: handoff
            technique: support
            priority: urgent
            text: { id: "Konselor segera membalas.", en: "A counselor will reply soon." }
        """;
    List<Problem> ps = ScriptValidator.validateOne("crisis.yaml", crisisWithoutUrgent, others, c.service());
    assertEquals(1, ps.size(), show(ps));
    assertEquals("jumper.yaml", ps.get(0).file());
    assertEquals("jump", ps.get(0).node());
  }

  @Test
  void serviceTextsNeedBothLanguages() {
    DialogFolder.Contents c = ok();
    ServiceTexts svc = new ServiceTexts(Map.of("hours", new Text(Map.of("id", "08.00–16.00"))), List.of(), List.of());
    List<Problem> ps = ScriptValidator.check(c.scripts(), svc);
    assertTrue(ps.stream().anyMatch(p -> p.file().equals("service.yaml") && p.message().contains("'hours' is missing in English")), show(ps));
  }

  @Test
  void theWholeBrokenFolderIsFullOfProblems() {
    List<Problem> ps = ScriptValidator.validateFolder(BROKEN);
    assertTrue(ps.size() >= 30, show(ps));
  }
}
