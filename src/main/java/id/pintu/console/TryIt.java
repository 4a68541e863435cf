package id.pintu.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.dialog.Button;
import id.pintu.dialog.Effect;
import id.pintu.dialog.Engine;
import id.pintu.dialog.Input;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The try-it pane's conversations: the real engine on an unpublished book, the state held in
 * memory for a short while and never written to the conversation tables. A run belongs to
 * the console session that started it.
 */
final class TryIt {
  /** One try: whose it is, the book it runs on, where it stands, the buttons shown last. */
  private record Run(String owner, ScriptBook book, SessionState state, List<Button> buttons) {}

  /** What the pane shows after a step. */
  record View(String id, List<Map<String, Object>> messages, List<Button> buttons, String status, String node,
              Map<String, String> fields, List<String> flags, Map<String, String> handoff, String ended) {}

  private final Engine engine;
  private final Cache<String, Run> runs = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30)).maximumSize(2_000).build();

  TryIt(Engine engine) {
    this.engine = engine;
  }

  View start(String owner, ScriptBook book, String scriptId, String lang) {
    String id = ConsoleSessions.random();
    Step step = engine.begin(book, scriptId, lang);
    return apply(id, new Run(owner, book, step.state(), List.of()), step);
  }

  /** The next step of run {@code id}, or null when there is no such run of this owner (expired). */
  View step(String owner, String id, Input input) {
    Run run = runs.getIfPresent(id);
    if (run == null || !run.owner().equals(owner)) return null;
    Step step = engine.step(run.book(), run.state(), input);
    return apply(id, run, step);
  }

  private View apply(String id, Run run, Step step) {
    List<Map<String, Object>> messages = new ArrayList<>();
    List<Button> buttons = new ArrayList<>();
    Map<String, String> handoff = null;
    String ended = null;
    for (Effect e : step.effects()) {
      if (e instanceof Effect.Send s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", s.text());
        m.put("buttons", s.buttons());
        m.put("ask_contact", s.askContact());
        messages.add(m);
        buttons.addAll(s.buttons());
      } else if (e instanceof Effect.Handoff h) {
        handoff = new LinkedHashMap<>();
        handoff.put("queue", h.queue());
        handoff.put("priority", h.priority().wire());
        handoff.put("reason", h.reason());
      } else if (e instanceof Effect.End en) {
        ended = en.reason();
      } else if (e instanceof Effect.Flag f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flag", f.flag());
        m.put("level", f.level().wire());
        messages.add(m);
      }
    }
    SessionState st = step.state();
    runs.put(id, new Run(run.owner(), run.book(), st, buttons.isEmpty() ? run.buttons() : buttons));
    return new View(id, messages, buttons, st.status().wire(), st.nodeId(), st.fields(), st.flags(), handoff, ended);
  }
}
