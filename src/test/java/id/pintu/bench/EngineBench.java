package id.pintu.bench;

import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Engine;
import id.pintu.dialog.Input;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import id.pintu.safety.CrisisScreen;
import id.pintu.safety.CrisisScreens;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Dialog engine steps per second on one thread, over a realistic first contact with the test
 * fixtures: greeting, consent, intake with one wrong answer, a five-message story, the menu.
 * Run with {@code bench/engine.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBench {

  /** The same walk as a family would make it. */
  static final List<Input> WALK = List.of(
      new Input.Start(null),
      new Input.Choice("n:how_are_you:hard"),
      new Input.Text("iya"),
      new Input.Text("Ibu Sari"),
      new Input.Text("sudah tua"),                  // a miss: kind re-prompt with the range
      new Input.Text("umur saya 34 tahun"),
      new Input.Text("1"),
      new Input.Choice("n:topic:family_conflict"),
      new Input.Contact("+62 812-3456-7890"),
      new Input.Text("40115"),
      // An ordinary story: a story that the screen flags takes the walk to the direct question.
      new Input.Text("Anak saya yang SMP tidak mau sekolah sudah dua minggu."),
      new Input.Text("Kerjanya main game di kamar sampai larut malam."),
      new Input.Text("Saya sudah coba bicara baik-baik tapi dia diam saja."),
      new Input.Text("Saya ingin tahu cara mendampingi dia dengan lebih baik."),
      new Input.Choice("g:done:story"),
      new Input.Choice("n:menu:finish"));

  /** A screen with the cost profile of a small lexicon: lower-case, a few contains checks. */
  static final CrisisScreen SCREEN = text -> {
    String t = text.toLowerCase(Locale.ROOT);
    for (String p : List.of("bunuh diri", "ingin mati", "kill myself", "gantung diri", "minum racun")) {
      if (t.contains(p)) return new ScreenResult(RiskLevel.URGENT, List.of(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, p, p)));
    }
    return t.contains("capek hidup")
        ? new ScreenResult(RiskLevel.CONCERN, List.of(new ScreenMatch("hopelessness", RiskLevel.CONCERN, "capek hidup", "capek hidup")))
        : ScreenResult.CLEAR;
  };

  ScriptBook book;
  Engine engine;
  /** The same engine with the service's crisis screen (the lexicon in dialogs/). */
  Engine engineDefaultScreen;

  @Setup
  public void setUp() {
    DialogFolder.Contents c = DialogFolder.read(Path.of(System.getProperty("bench.dialogs", "src/test/resources/engine")));
    if (!c.problems().isEmpty()) throw new IllegalStateException(c.problems().toString());
    book = c.book();
    engine = new Engine(SCREEN);
    engineDefaultScreen = new Engine(CrisisScreens.forDialogs(Path.of(System.getProperty("bench.lexiconDir", "dialogs"))));
    for (Engine e : List.of(engine, engineDefaultScreen)) {
      SessionState end = walk(e, null);
      if (end.status() != id.pintu.dialog.ConversationStatus.ENDED) throw new IllegalStateException("walk ended at " + end);
    }
  }

  SessionState walk(Engine engine, Blackhole bh) {
    SessionState s = null;
    for (Input in : WALK) {
      Step st = engine.step(book, s, in);
      if (bh != null) bh.consume(st.effects());
      s = st.state();
    }
    return s;
  }

  /** Score = engine steps per second (one operation = one step). */
  @Benchmark
  @OperationsPerInvocation(16)
  public SessionState firstContactWalk(Blackhole bh) {
    return walk(engine, bh);
  }

  /** The same walk screened by the default lexicon: the difference is the screen's cost. */
  @Benchmark
  @OperationsPerInvocation(16)
  public SessionState firstContactWalkDefaultScreen(Blackhole bh) {
    return walk(engineDefaultScreen, bh);
  }
}
