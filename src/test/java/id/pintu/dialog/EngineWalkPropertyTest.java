package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Random families: thousands of seeded walks with whatever a family might send (buttons,
 * free text, crisis phrases, numbers, commands, old buttons, stickers, contacts). After every
 * step the engine must hold its promises: no exception, no dead end, no small talk after a
 * crisis, and only messages Telegram accepts. A failure prints the seed and the last steps;
 * re-run one walk with {@code -Dwalk.seed=<seed>}.
 */
class EngineWalkPropertyTest {
  static final int WALKS = Integer.getInteger("walk.count", 5_000);
  static final int MAX_STEPS = 60;
  static final long BASE_SEED = 20251120L;

  static final List<String> COMMANDS = List.of(
      "konselor", "berhenti", "bantuan", "lewati", "english", "indonesia", "start", "unknown");
  static final List<String> ANSWERS = List.of(
      "ya", "iya", "tidak", "Ya.", "no", "1", "2", "3", "9", "Sari", "Budi Santoso", "34", "umur 17 tahun", "40115",
      "sudah", "itu saja", "done", "lewati", "skip", "0812 3456 7890", "Suami saya sering marah", "entahlah",
      "Kemauan sendiri", "Baik", "Sedang berat", "Konflik keluarga", "Selesai dulu", "Mulai dari awal");
  static final List<String> CRISIS = List.of(
      "saya ingin mati saja", "aku mau bunuh diri", "I want to kill myself", "capek hidup", "CAPEK HIDUP begini");
  static final List<String> ODD = List.of(
      "", " ", "😢🙏", "👨‍👩‍👧", "{help_contacts}", "{name}", "/", "?", "\n\n", "ß".repeat(300), "x".repeat(5_000),
      "🙏".repeat(2_500), "a\u0000b", "  ya  ");
  static final List<String> MEDIA = List.of("sticker", "photo", "voice", "video", "document", "location", "edited", "poll");
  static final List<String> GLOBAL = List.of(
      "g:lang:en", "g:lang:id", "g:retry", "g:person", "g:stop:yes", "g:stop:no", "g:skip:name", "g:done:story",
      "g:unknown", "g:", "n:nowhere:x", "contact", "");

  @Test
  void fixtureScripts() {
    Stats st = walkAll(Fixtures.book(), "fixtures");
    // The walks must actually explore, or the property says little.
    for (String n : Walks.WAITING_NODES) assertTrue(st.visited.contains(n), "never reached " + n + "; visited " + st.visited);
    assertTrue(st.visited.contains("crisis/are_you_safe"), "never reached the crisis script");
  }

  @Test
  void shippedScripts() {
    Assumptions.assumeTrue(Files.exists(Path.of("dialogs/first-contact.yaml")), "dialogs/ not in this tree yet");
    DialogFolder.Contents c = DialogFolder.read(Path.of("dialogs"));
    walkAll(c.book(), "dialogs/ (problems: " + c.problems() + ")");
  }

  static final class Stats {
    final Set<String> visited = new HashSet<>();
    long steps;
  }

  static Stats walkAll(ScriptBook book, String what) {
    Engine engine = new Engine(TestScreen.SCREEN);
    Set<String> smallTalk = smallTalkTexts(book);
    Stats st = new Stats();
    Long only = Long.getLong("walk.seed");
    if (only != null) {
      walk(engine, book, smallTalk, only, st, what);
    } else {
      for (int i = 0; i < WALKS; i++) walk(engine, book, smallTalk, BASE_SEED + i, st, what);
    }
    System.out.printf("%s: %d walks, %d steps, %d waiting nodes reached%n", what, only == null ? WALKS : 1, st.steps, st.visited.size());
    return st;
  }

  /** The texts of small-talk nodes, in every language, that can be recognised in a message. */
  static Set<String> smallTalkTexts(ScriptBook book) {
    Set<String> out = new HashSet<>();
    for (Script s : book.scripts().values()) {
      for (Node n : s.nodes()) {
        if (n.technique() != Technique.SMALL_TALK) continue;
        List<Text> ts = new ArrayList<>();
        if (n instanceof Node.Say say && say.text() != null) ts.addAll(say.text());
        if (n instanceof Node.Ask a && a.text() != null) ts.add(a.text());
        if (n instanceof Node.Listen l && l.text() != null) ts.add(l.text());
        for (Text t : ts) {
          for (String v : t.byLang().values()) if (v != null && v.length() >= 10 && v.indexOf('{') < 0) out.add(v.strip());
        }
      }
    }
    return out;
  }

  static void walk(Engine engine, ScriptBook book, Set<String> smallTalk, long seed, Stats st, String what) {
    Random rnd = new Random(seed);
    Deque<String> log = new ArrayDeque<>();
    SessionState state = null;
    List<Button> last = List.of();
    List<Button> seen = new ArrayList<>();
    int steps = 1 + rnd.nextInt(MAX_STEPS);
    for (int i = 0; i < steps; i++) {
      Input in = i == 0 && rnd.nextBoolean() ? new Input.Start(rnd.nextInt(4) == 0 ? "en" : "id") : input(rnd, last, seen);
      log.addLast("family: " + abbreviate(in.toString()));
      Step step;
      try {
        step = engine.step(book, state, in);
      } catch (RuntimeException e) {
        throw new AssertionError(failure(what, seed, i, log, "exception " + e), e);
      }
      for (Effect e : step.effects()) log.addLast("  bot: " + abbreviate(e.toString()));
      while (log.size() > 40) log.removeFirst();
      String problem = check(book, smallTalk, state, step);
      if (problem != null) fail(failure(what, seed, i, log, problem));
      state = step.state();
      st.steps++;
      if (state.status() == ConversationStatus.ACTIVE) st.visited.add(state.scriptId() + "/" + state.nodeId());
      for (Effect e : step.effects()) {
        if (e instanceof Effect.Send s && !s.buttons().isEmpty()) {
          last = s.buttons();
          seen.addAll(s.buttons());
        }
      }
      if (seen.size() > 200) seen.subList(0, 100).clear();
    }
  }

  static Input input(Random rnd, List<Button> last, List<Button> seen) {
    int r = rnd.nextInt(100);
    if (r < 35 && !last.isEmpty()) return press(last.get(rnd.nextInt(last.size())), rnd);
    if (r < 55) return new Input.Text(ANSWERS.get(rnd.nextInt(ANSWERS.size())));
    if (r < 60) return new Input.Text(CRISIS.get(rnd.nextInt(CRISIS.size())));
    if (r < 66) return new Input.Text(ODD.get(rnd.nextInt(ODD.size())));
    if (r < 70) return new Input.Text(Integer.toString(rnd.nextInt(250) - 20));
    if (r < 73) return new Input.Text(randomText(rnd));
    if (r < 82) return new Input.Command(COMMANDS.get(rnd.nextInt(COMMANDS.size())), rnd.nextInt(10) == 0 ? "en" : null);
    if (r < 88 && !seen.isEmpty()) return press(seen.get(rnd.nextInt(seen.size())), rnd);
    if (r < 91) return new Input.Choice(GLOBAL.get(rnd.nextInt(GLOBAL.size())));
    if (r < 95) return new Input.Unsupported(MEDIA.get(rnd.nextInt(MEDIA.size())));
    if (r < 98) return new Input.Contact(rnd.nextBoolean() ? "+6281234567890" : "");
    return new Input.Start(rnd.nextBoolean() ? null : "en");
  }

  static Input press(Button b, Random rnd) {
    return "contact".equals(b.data()) ? new Input.Contact("081234567890") : new Input.Choice(b.data());
  }

  static String randomText(Random rnd) {
    int n = rnd.nextInt(60);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.appendCodePoint(rnd.nextInt(5) == 0 ? 0x1F600 + rnd.nextInt(50) : 0x20 + rnd.nextInt(0x5F));
    return b.toString();
  }

  /** The promises; returns what was broken, or null. */
  static String check(ScriptBook book, Set<String> smallTalk, SessionState before, Step step) {
    SessionState s = step.state();
    if (s == null) return "no state";
    List<Effect.Send> sends = new ArrayList<>();
    boolean handoff = false;
    for (Effect e : step.effects()) {
      if (e instanceof Effect.Send m) sends.add(m);
      if (e instanceof Effect.Handoff) handoff = true;
    }
    if (s.status() == ConversationStatus.ACTIVE) {
      Script sc = book.script(s.scriptId());
      Node n = sc == null ? null : sc.node(s.nodeId());
      if (!(n instanceof Node.Ask) && !(n instanceof Node.Listen)) {
        return "dead end: active at " + s.scriptId() + "/" + s.nodeId() + " which is " + (n == null ? "missing" : n.kind());
      }
    }
    if (s.status() != ConversationStatus.HANDED_OFF && sends.isEmpty()) return "no message to the family (status " + s.status() + ")";
    if (handoff && sends.isEmpty()) return "handed off without telling the family";
    if (s.misses() < 0 || s.listened() < 0) return "negative counters";
    if (s.inCrisis() && s.priority() != Priority.URGENT) return "in crisis but priority " + s.priority();
    if (before != null && before.inCrisis()) {
      if (!before.techniques().contains("small_talk") && s.techniques().contains("small_talk")) return "small talk entered after the crisis flag";
      for (Effect.Send m : sends) {
        for (String t : smallTalk) if (m.text().contains(t)) return "small-talk text sent after the crisis flag: " + t;
      }
    }
    for (Effect.Send m : sends) {
      if (m.text() == null || m.text().isBlank()) return "empty message";
      if (m.text().length() > 4096) return "message of " + m.text().length() + " characters";
      if (m.text().contains("{help_contacts}") && !s.fields().containsValue("{help_contacts}")) return "placeholder left in a message";
      for (Button b : m.buttons()) {
        if (b.label() == null || b.label().isBlank()) return "button without a label";
        if (b.data() == null || b.data().isEmpty()) return "button without data";
        int bytes = b.data().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Callback.MAX_BYTES) return "callback data of " + bytes + " bytes: " + b.data();
      }
    }
    return null;
  }

  static String abbreviate(String s) {
    return s.length() > 160 ? s.substring(0, 157) + "..." : s;
  }

  static String failure(String what, long seed, int step, Deque<String> log, String problem) {
    return what + ": " + problem + "\n  seed " + seed + ", step " + step
        + " (re-run: mvn -o test -Dtest=EngineWalkPropertyTest -Dwalk.seed=" + seed + ")\n  last steps:\n    "
        + String.join("\n    ", log);
  }
}
