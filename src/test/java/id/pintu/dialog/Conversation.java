package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import id.pintu.safety.CrisisScreen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scripted family talking to the engine: feeds inputs one at a time, keeps the state the
 * conversation layer would store, and collects what the bot sent, so tests read like a chat.
 */
public final class Conversation {
  public static final Instant NOW = Instant.parse("2025-11-20T21:30:00Z");

  private final Engine engine;
  private final ScriptBook book;
  private SessionState state;
  private Step last;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> transcript = new ArrayList<>();

  public Conversation(ScriptBook book, CrisisScreen screen) {
    this.engine = new Engine(screen);
    this.book = book;
  }

  /** A family talking to the fixture scripts, screened by {@link TestScreen}. */
  public static Conversation withFixtures() {
    return new Conversation(Fixtures.book(), TestScreen.SCREEN);
  }

  public static Conversation with(ScriptBook book) {
    return new Conversation(book, TestScreen.SCREEN);
  }

  // ---- what the family does ------------------------------------------------------------

  public Conversation start() {
    return send(new Input.Start(null));
  }

  public Conversation start(String languageHint) {
    return send(new Input.Start(languageHint));
  }

  public Conversation type(String text) {
    return send(new Input.Text(text));
  }

  public Conversation command(String name) {
    return send(new Input.Command(name, null));
  }

  public Conversation data(String callbackData) {
    return send(new Input.Choice(callbackData));
  }

  /** Presses the button with this label on the latest message that has buttons. */
  public Conversation press(String label) {
    for (Button b : lastButtons()) {
      if (b.label().equals(label)) return "contact".equals(b.data()) ? send(new Input.Contact("081234567890")) : data(b.data());
    }
    fail("no button '" + label + "' in " + lastButtons().stream().map(Button::label).toList() + "\n" + transcript());
    return this;
  }

  public Conversation contact(String phone) {
    return send(new Input.Contact(phone));
  }

  public Conversation media(String what) {
    return send(new Input.Unsupported(what));
  }

  public Conversation send(Input input) {
    transcript.add("family: " + input);
    last = engine.step(book, state, input);
    assertNotNull(last);
    state = last.state();
    steps.add(last);
    for (Effect e : last.effects()) transcript.add("  bot: " + e);
    return this;
  }

  /** Sets the stored state, as if loaded from the database (for states hard to reach by talk). */
  public Conversation resume(SessionState s) {
    this.state = s;
    return this;
  }

  // ---- what the family sees --------------------------------------------------------------

  public SessionState state() {
    return state;
  }

  public Step lastStep() {
    return last;
  }

  public List<Effect> effects() {
    return last == null ? List.of() : last.effects();
  }

  public <T extends Effect> List<T> effects(Class<T> kind) {
    return effects().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  public <T extends Effect> List<T> allEffects(Class<T> kind) {
    return steps.stream().flatMap(s -> s.effects().stream()).filter(kind::isInstance).map(kind::cast).toList();
  }

  /** The texts sent in answer to the last input. */
  public List<String> texts() {
    return effects(Effect.Send.class).stream().map(Effect.Send::text).toList();
  }

  /** Everything sent in answer to the last input, as one string (for contains checks). */
  public String said() {
    return String.join("\n---\n", texts());
  }

  /** Every text sent in the whole conversation. */
  public List<String> allTexts() {
    return allEffects(Effect.Send.class).stream().map(Effect.Send::text).toList();
  }

  /** Buttons of the latest message (in the whole conversation) that had buttons. */
  public List<Button> lastButtons() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      List<Effect> es = steps.get(i).effects();
      for (int j = es.size() - 1; j >= 0; j--) {
        if (es.get(j) instanceof Effect.Send s && !s.buttons().isEmpty()) return s.buttons();
      }
    }
    return List.of();
  }

  public List<String> buttonLabels() {
    return lastButtons().stream().map(Button::label).toList();
  }

  public String node() {
    return state.scriptId() + "/" + state.nodeId();
  }

  public String transcript() {
    return transcript.stream().collect(Collectors.joining("\n"));
  }
}
