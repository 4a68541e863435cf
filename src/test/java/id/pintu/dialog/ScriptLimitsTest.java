package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.admin.MermaidGraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What a script may hold (docs/SCRIPTS.md, "Limits"): at the bounds it works, past them it is told why. */
class ScriptLimitsTest {
  static final DialogFolder.Contents TEST_DIALOGS = DialogFolder.read(Path.of("src/test/resources/service-dialogs"));

  /** {@code nodes} nodes: runs of {@code run} say nodes, each run ended by a question, then an end. */
  static String script(int nodes, int run) {
    StringBuilder b = new StringBuilder("id: long\ntitle: {id: Panjang, en: Long}\nnodes:\n");
    for (int i = 0; i < nodes - 1; i++) {
      b.append("- {id: n").append(i);
      if ((i + 1) % (run + 1) == 0) b.append(", kind: ask, technique: intake, input: text, text: {id: \"Lalu?\", en: \"And then?\"}");
      else b.append(", kind: say, technique: information, text: [{id: Halo, en: Hello}]");
      b.append(", next: n").append(i + 1).append("}\n");
    }
    return b.append("- {id: n").append(nodes - 1).append(", kind: end, technique: information}\n").toString();
  }

  /** The text padded with a comment to exactly {@code bytes} bytes of UTF-8. */
  static String padded(String yaml, int bytes) {
    int have = yaml.getBytes(StandardCharsets.UTF_8).length;
    int room = bytes - have - 3; // "# " and the newline
    assertTrue(room >= 0, "the script is already " + have + " bytes");
    return yaml + "# " + "é".repeat(room / 2) + "x".repeat(room % 2) + "\n";
  }

  static List<Problem> validate(String yaml) {
    return ScriptValidator.validateOne("long.yaml", yaml, TEST_DIALOGS.scripts(), TEST_DIALOGS.service());
  }

  @Test
  void aScriptExactlyAtTheBoundsValidatesAndIsDrawn() {
    String yaml = padded(script(ScriptParser.MAX_NODES, 39), ScriptParser.MAX_BYTES);
    assertEquals(ScriptParser.MAX_BYTES, yaml.getBytes(StandardCharsets.UTF_8).length);
    assertEquals(List.of(), validate(yaml));
    Script s = ((ScriptParser.Result.Ok) ScriptParser.parse(yaml)).script();
    assertEquals(ScriptParser.MAX_NODES, s.nodes().size());
    assertTrue(MermaidGraph.of(s).contains("n_n1999"), "the graph draws the last node");
  }

  @Test
  void oneNodeOrOneByteMoreIsRefusedWithAProblemLine() {
    List<Problem> nodes = validate(script(ScriptParser.MAX_NODES + 1, 39));
    assertEquals(List.of("long.yaml: the script has 2,001 nodes; a script may hold at most 2,000: split it into several scripts joined by goto"),
        nodes.stream().map(Problem::toString).toList());

    List<Problem> bytes = validate(padded(script(100, 39), ScriptParser.MAX_BYTES + 1));
    assertEquals(List.of("long.yaml: the script is 524,289 bytes long; a script may be at most 524,288 bytes (512 KiB): split it into several scripts joined by goto"),
        bytes.stream().map(Problem::toString).toList());
  }

  @Test
  void nestingPastTheBoundIsNamedAndAtTheBoundIsNot() {
    // The root, the node list and the node are three levels; the text's brackets the rest.
    ScriptParser.Result r = ScriptParser.parse(nested(ScriptParser.MAX_DEPTH - 2));
    assertTrue(r instanceof ScriptParser.Result.Failed f && f.line() == 3
        && f.message().startsWith("the script nests lists and settings more than 32 levels deep here"), r.toString());

    ScriptParser.Result ok = ScriptParser.parse(nested(ScriptParser.MAX_DEPTH - 3));
    assertFalse(ok instanceof ScriptParser.Result.Failed f && f.message().contains("levels deep"), ok.toString());
    assertTrue(ok instanceof ScriptParser.Result.Failed, "a text of nested lists is not a text: " + ok);
  }

  static String nested(int brackets) {
    return "id: deep\nnodes:\n  - {id: a, kind: say, technique: information, next: a, text: " + "[".repeat(brackets) + "]".repeat(brackets) + "}\n";
  }

  /** The checks walk a script without recursion: a long chain on a small stack gives answers, not StackOverflowError. */
  @Test
  void aLongChainOfSayNodesIsCheckedOnASmallStack() throws Exception {
    String chain = script(ScriptParser.MAX_NODES, Integer.MAX_VALUE - 1);
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        outcome.set(validate(chain));
      } catch (Throwable e) {
        outcome.set(e);
      }
    }, "small-stack", 192 * 1024);
    t.start();
    t.join();
    assertTrue(outcome.get() instanceof List<?>, "the checks finished: " + outcome.get());
    assertEquals(List.of("long.yaml:4:4: node 'n0': from here the conversation moves on by itself through 1999 nodes (say, branch, goto) "
        + "without waiting for the family; the bot follows at most 63 in a row and then hands the family to a person: put a question or a listen in between"),
        ((List<?>) outcome.get()).stream().map(Object::toString).toList(), "the engine would give up on it: said, once");
  }

  /** 63 nodes that move on by themselves and then a question is what the engine follows in one step; one more is not. */
  @Test
  void aRunOfAutoNodesIsNamedOnlyPastWhatTheEngineFollows() {
    assertEquals(List.of(), validate(script(200, 63)));
    List<Problem> past = validate(script(200, 64));
    assertEquals(1, past.size(), past.toString());
    assertTrue(past.get(0).message().startsWith("from here the conversation moves on by itself through 64 nodes"), past.toString());
  }

  @Test
  void theFolderReaderTellsTheSameProblemLine() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("pintu-limits");
    java.nio.file.Files.writeString(dir.resolve("long.yaml"), script(5_000, 39));
    DialogFolder.Contents c = DialogFolder.read(dir);
    assertEquals(Map.of(), c.scripts());
    assertEquals(1, c.problems().size());
    assertTrue(c.problems().get(0).message().startsWith("the script has 5,000 nodes"), c.problems().toString());
  }
}
