package id.pintu.dialog;

import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import id.pintu.safety.Screened;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dialog engine: a pure step function {@code (book, state, input) -> (state', effects)}.
 * No I/O, no clock (time comes in), no Telegram types. Thread-safe; holds only the screen.
 *
 * <p>Rules every script gets for free: the crisis interrupt on free text, the direct safety
 * question on a concern ({@link DirectQuestion}), no small talk once in crisis, the family's
 * right to ask for a person, stop, get help or skip at any point, kind re-prompts with a
 * person offered after three misses (and, once in crisis, no re-prompt at all: what the
 * family writes is kept for the counselor).
 */
public final class Engine {
  /** Auto-advancing nodes (say, branch, goto) followed per step before we call it a loop. */
  static final int MAX_AUTO_STEPS = 64;

  static final int MAX_MISSES = 3;

  /** Telegram's limit for one message. */
  static final int MAX_MESSAGE_CHARS = 4096;

  /** Commands that mean the same after the end as before it; any other starts afresh. */
  private static final java.util.Set<String> KEEPS_THE_END = java.util.Set.of(
      "konselor", "counselor", "orang", "person", "human", "berhenti", "stop", "bantuan", "help", "tolong",
      "english", "inggris", "indonesia", "bahasa", "language", "lang", "hapus", "delete", "erase");

  private final CrisisScreen screen;

  public Engine(CrisisScreen screen) {
    this.screen = screen;
  }

  /** Starts {@code scriptId} afresh. */
  public Step begin(ScriptBook book, String scriptId, String lang) {
    Run run = new Run(book, SessionState.fresh(scriptId, supported(lang)));
    Script s = book.script(scriptId);
    run.enter(scriptId, s == null ? null : s.startNode());
    return run.result();
  }

  public Step step(ScriptBook book, SessionState state, Input input) {
    if (state == null) {
      String hint = input instanceof Input.Start st ? st.languageHint() : null;
      Run run = new Run(book, SessionState.fresh(ScriptBook.FIRST_CONTACT, supported(hint)));
      run.startAfresh(input instanceof Input.Text t ? t.text() : null);
      return run.result();
    }
    Run run = new Run(book, state);
    run.handle(input);
    return run.result();
  }

  static String supported(String lang) {
    if (lang == null) return Text.DEFAULT_LANG;
    String l = lang.toLowerCase(Locale.ROOT);
    return l.startsWith("en") ? "en" : Text.DEFAULT_LANG;
  }

  /**
   * Lower case, trimmed, trailing {@code . ! ,} dropped, inner white space collapsed: how a
   * typed answer is compared with words and labels. Hand-written: it runs on every message,
   * and for every option label, so it must not compile regular expressions.
   */
  static String normalise(String text) {
    if (text == null) return "";
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) <= ' ') start++;
    while (end > start) {
      char c = text.charAt(end - 1);
      if (c <= ' ' || c == '.' || c == '!' || c == ',') end--;
      else break;
    }
    StringBuilder b = new StringBuilder(end - start);
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
        if (!space) b.append(' ');
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** One step in progress: accumulates state and effects. */
  private final class Run {
    final ScriptBook book;
    SessionState s;
    final List<Effect> effects = new ArrayList<>(4);
    final Interpolator words;

    Run(ScriptBook book, SessionState s) {
      this.book = book;
      this.s = s;
      this.words = new Interpolator(book.shared());
    }

    Step result() {
      return new Step(s, effects);
    }

    String say(Text t) {
      return words.render(t, s.lang(), s.fields());
    }

    void send(Text t) {
      out(say(t), List.of(), false);
    }

    /**
     * Every message goes out here: never longer than Telegram takes, and an empty text (a
     * script text that rendered to nothing) is not sent; with buttons it becomes "…".
     */
    void out(String text, List<Button> buttons, boolean askContact) {
      String t = text == null ? "" : text.strip();
      if (t.isEmpty()) {
        if (buttons.isEmpty() && !askContact) return;
        t = "…";
      }
      effects.add(new Effect.Send(Interpolator.clip(t, MAX_MESSAGE_CHARS), buttons, askContact));
    }

    Script script() {
      return book.script(s.scriptId());
    }

    Node current() {
      Script sc = script();
      return sc == null ? null : sc.node(s.nodeId());
    }

    // ---- input dispatch ---------------------------------------------------------------

    void handle(Input input) {
      if (input instanceof Input.Start st) {
        command("start", null);
      } else if (input instanceof Input.Command c) {
        String name = c.name() == null ? "" : c.name().toLowerCase(Locale.ROOT);
        // After the end, a command that only makes sense mid-conversation (/lewati, an
        // unknown one) starts afresh, like any message; it must not be met with silence.
        if (s.status() == ConversationStatus.ENDED && !KEEPS_THE_END.contains(name)) restart(null);
        else command(name, c.argument());
      } else if (input instanceof Input.Choice ch && Callback.isEngine(ch.data(), "erase")) {
        global(ch.data()); // erasure may be asked for after the end too
      } else if (s.status() == ConversationStatus.ENDED) {
        restart(input instanceof Input.Text t ? t.text() : null);
      } else if (input instanceof Input.Choice ch && ch.data() != null && ch.data().startsWith(Callback.ENGINE)) {
        global(ch.data());
      } else if (input instanceof Input.Text t) {
        text(t.text() == null ? "" : t.text());
      } else if (s.status() == ConversationStatus.HANDED_OFF) {
        // Waiting for or talking with a counselor: the desk relays; the script stays silent.
      } else if (s.pending() == Pending.ASK_DIRECTLY) {
        directOther(input);
      } else if (s.pending() == Pending.CONFIRM_STOP && input instanceof Input.Choice) {
        s = s.withPending(Pending.NONE);
        send(Phrases.CONTINUE);
        prompt(current());
      } else {
        s = s.withPending(Pending.NONE);
        answer(current(), input);
      }
    }

    /** The conversation ended and the family wrote again: start afresh, but a crisis is not forgotten. */
    void restart(String text) {
      s = s.restarted(ScriptBook.FIRST_CONTACT);
      startAfresh(text);
    }

    /**
     * Starts the first contact. A first message that signals danger goes straight to the
     * crisis script: no greeting and no small talk before it.
     */
    void startAfresh(String text) {
      ScreenResult r = text == null ? ScreenResult.CLEAR : screenText(text);
      if (r.urgent()) {
        screened(r, text, false);
        return;
      }
      Script fc = book.script(ScriptBook.FIRST_CONTACT);
      enter(ScriptBook.FIRST_CONTACT, fc == null ? null : fc.startNode());
      if (r.flagged()) {
        screened(r, text, false);
        // After the greeting, so the family knows who asks; the first question waits behind it.
        if (s.status() == ConversationStatus.ACTIVE) askDirectly(r, null);
      }
    }

    /** Screens free text with the conversation's memory, and keeps the memory the screen returns. */
    ScreenResult screenText(String text) {
      Screened sc = screen.screen(text, s.riskMemory());
      s = s.withRisk(sc.memory());
      return sc.result();
    }

    void command(String name, String arg) {
      switch (name) {
        case "start" -> {
          if (s.status() == ConversationStatus.ENDED) restart(null);
          else if (s.status() == ConversationStatus.HANDED_OFF) send(Phrases.ALREADY_WAITING);
          else {
            send(Phrases.WE_CONTINUE);
            again();
          }
        }
        case "konselor", "counselor", "orang", "person", "human" -> person();
        case "berhenti", "stop" -> {
          if (s.status() == ConversationStatus.ENDED) {
            send(Phrases.STOPPED);
            return;
          }
          s = s.withPending(Pending.CONFIRM_STOP);
          out(say(Phrases.CONFIRM_STOP),
              List.of(button(Phrases.STOP_YES, Callback.engine("stop", "yes")), button(Phrases.STOP_NO, Callback.engine("stop", "no"))), false);
        }
        case "hapus", "delete", "erase" -> {
          s = s.withPending(Pending.CONFIRM_ERASE);
          out(say(Phrases.CONFIRM_ERASE),
              List.of(button(Phrases.ERASE_YES, Callback.engine("erase", "yes")), button(Phrases.ERASE_NO, Callback.engine("erase", "no"))), false);
        }
        case "bantuan", "help", "tolong" -> {
          send(Phrases.HELP);
          if (s.status() == ConversationStatus.ACTIVE) again();
        }
        case "lewati", "skip" -> {
          // Passing over "are you in danger?" is not a clear no.
          if (s.pending() == Pending.ASK_DIRECTLY && s.status() == ConversationStatus.ACTIVE) directAnswer(DirectQuestion.Reply.UNSURE, "/lewati");
          else skip(s.nodeId());
        }
        case "english", "inggris" -> language("en");
        case "indonesia", "bahasa" -> language(arg == null || arg.isBlank() ? "id" : arg.trim());
        case "language", "lang" -> language(arg == null || arg.isBlank() ? "en" : arg.trim());
        default -> {
          send(Phrases.UNKNOWN_COMMAND);
          if (s.status() == ConversationStatus.ACTIVE) again();
        }
      }
    }

    void global(String data) {
      String[] p = data.split(":", 3);
      String what = p.length > 1 ? p[1] : "";
      String arg = p.length > 2 ? p[2] : null;
      if (s.pending() == Pending.ASK_DIRECTLY && !(what.equals("person") || what.equals("lang") || what.equals("ask"))) {
        // "I'm done", "skip" or an old stop button answer nothing about danger: the question is asked again.
        stale();
        return;
      }
      switch (what) {
        case "person" -> person();
        case "lang" -> language(arg);
        case "ask" -> {
          if (s.pending() == Pending.ASK_DIRECTLY && s.status() == ConversationStatus.ACTIVE) directChoice(arg);
          else stale();
        }
        case "skip" -> skip(arg);
        case "done" -> {
          if (s.status() == ConversationStatus.ACTIVE && current() instanceof Node.Listen l && l.id().equals(arg)) {
            finishListening(l);
          } else stale();
        }
        case "stop" -> {
          boolean confirmed = "yes".equals(arg) && s.pending() == Pending.CONFIRM_STOP;
          s = s.withPending(Pending.NONE);
          if (confirmed) stop();
          else if (s.status() == ConversationStatus.ACTIVE) {
            send(Phrases.CONTINUE);
            prompt(current());
          }
        }
        case "erase" -> {
          boolean confirmed = "yes".equals(arg) && s.pending() == Pending.CONFIRM_ERASE;
          s = s.withPending(Pending.NONE);
          if (confirmed) {
            effects.add(new Effect.Erase());
          } else if (s.status() == ConversationStatus.ACTIVE) {
            send(Phrases.ERASE_KEPT);
            prompt(current());
          } else if ("no".equals(arg)) {
            send(Phrases.ERASE_KEPT);
          }
        }
        case "retry" -> {
          s = s.withPending(Pending.NONE).withMisses(0);
          if (s.status() == ConversationStatus.ACTIVE) prompt(current());
        }
        default -> stale();
      }
    }

    void stale() {
      if (s.status() != ConversationStatus.ACTIVE) return;
      send(Phrases.STALE_BUTTON);
      again();
    }

    /** Asks again what the family is expected to answer now: the direct question while it waits, else the node's. */
    void again() {
      if (s.askingAbout() != null) sendDirectQuestion(s.askingAbout());
      else prompt(current());
    }

    void person() {
      if (s.status() == ConversationStatus.HANDED_OFF) {
        send(Phrases.ALREADY_WAITING);
        return;
      }
      s = s.withPending(Pending.NONE);
      send(Phrases.PERSON_REQUESTED);
      handoff(s.inCrisis() ? "crisis" : "general", s.priority(), "family asked for a person");
    }

    void stop() {
      s = s.withStatus(ConversationStatus.ENDED).withPending(Pending.NONE);
      send(Phrases.STOPPED);
      effects.add(new Effect.End("family stopped"));
    }

    void language(String lang) {
      String l = supported(lang);
      s = s.withLang(l);
      send(Phrases.LANGUAGE_SET);
      if (s.status() == ConversationStatus.ACTIVE) again();
    }

    void skip(String nodeId) {
      Node n = current();
      if (s.status() != ConversationStatus.ACTIVE || n == null || !n.id().equals(nodeId)) {
        stale();
        return;
      }
      if (n instanceof Node.Ask a && a.skip()) {
        s = s.withPending(Pending.NONE).withMisses(0);
        enter(s.scriptId(), Node.crisisSkipTarget(a));
      } else if (n instanceof Node.Listen l) {
        finishListening(l);
      } else {
        send(Phrases.NOT_SKIPPABLE);
        prompt(n);
      }
    }

    // ---- free text and the crisis interrupt --------------------------------------------

    void text(String text) {
      if (s.pending() == Pending.CONFIRM_STOP) {
        String w = normalise(text);
        if (Phrases.YES_WORDS.contains(w)) {
          stop();
          return;
        }
        s = s.withPending(Pending.NONE);
        if (Phrases.NO_WORDS.contains(w)) {
          send(Phrases.CONTINUE);
          prompt(current());
          return;
        }
      }
      ScreenResult r = screenText(text);
      if (s.pending() == Pending.ASK_DIRECTLY && s.status() == ConversationStatus.ACTIVE) {
        typedDirectAnswer(r, text);
        return;
      }
      boolean story = current() instanceof Node.Listen;
      if (r.flagged() && screened(r, text, story)) return;
      if (s.status() != ConversationStatus.ACTIVE) return; // handed off: the desk relays it
      if (r.flagged() && askDirectly(r, story ? text : null)) return;
      s = s.withPending(Pending.NONE);
      answer(current(), new Input.Text(text));
    }

    /**
     * Applies a screen hit. Returns true when the hit took over the step (a jump to the
     * crisis script or the help contacts while waiting), false when the input should still
     * be handled as an answer.
     */
    boolean screened(ScreenResult r, String text, boolean partOfStory) {
      List<String> cats = new ArrayList<>();
      List<String> phrases = new ArrayList<>();
      for (ScreenMatch m : r.matches()) {
        if (!cats.contains(m.category())) cats.add(m.category());
        phrases.add(m.excerpt() == null || m.excerpt().isBlank() ? m.phrase() : m.excerpt());
      }
      if (!r.urgent()) {
        s = s.withFlag(SessionState.FLAG_CONCERN, phrases).withPriority(s.priority().max(Priority.HIGH));
        effects.add(new Effect.Flag(SessionState.FLAG_CONCERN, RiskLevel.CONCERN, cats, phrases));
        return false;
      }
      return urgent(cats, phrases, partOfStory ? text : null);
    }

    /**
     * The urgent path, for an urgent screen hit or a yes (or not sure) to the direct question:
     * flagged crisis with the evidence, top priority, the crisis script at once (its help
     * contacts go out in this same step) and an urgent handoff. {@code storyText}, when not
     * null, is kept in the story. Returns true when it took over the step.
     */
    boolean urgent(List<String> cats, List<String> phrases, String storyText) {
      boolean wasCrisis = s.inCrisis();
      s = s.withFlag(SessionState.FLAG_CRISIS, phrases).withPriority(Priority.URGENT);
      effects.add(new Effect.Flag(SessionState.FLAG_CRISIS, RiskLevel.URGENT, cats, phrases));
      if (s.status() == ConversationStatus.HANDED_OFF) {
        if (!wasCrisis) {
          send(Phrases.CRISIS_WHILE_WAITING);
          effects.add(new Effect.Handoff("crisis", Priority.URGENT, "crisis signs while waiting"));
        }
        return true;
      }
      if (s.status() != ConversationStatus.ACTIVE) return true;
      // Already in the crisis script: answer as that script says (a listen node keeps and
      // acknowledges the message, a question reads it).
      if (ScriptBook.CRISIS.equals(s.scriptId())) return false;
      if (storyText != null) {
        s = s.withStoryPart(storyText);
        effects.add(new Effect.StoryPart(storyText));
      }
      s = s.withPending(Pending.NONE).withMisses(0).withListened(0);
      Script crisis = book.script(ScriptBook.CRISIS);
      if (crisis == null) {
        send(Phrases.CRISIS_WHILE_WAITING);
        handoff("crisis", Priority.URGENT, "crisis signs; no crisis script");
      } else {
        enter(crisis.id(), crisis.startNode());
        // Queue the family at once, at the top: a person should not wait for the crisis
        // script's questions to be answered (the family may stop writing).
        if (s.status() == ConversationStatus.ACTIVE) effects.add(new Effect.Handoff("crisis", Priority.URGENT, "crisis signs"));
      }
      return true;
    }

    // ---- asking directly about danger -------------------------------------------------------

    /**
     * After a concern, asks the direct safety question for the most serious category not yet
     * asked about in this conversation. Never once in crisis (the family is on the urgent path,
     * or said yes already), never in the crisis script, never while handed off (the desk
     * relays). {@code storyText}, at a listen node, is kept in the story first. Returns true
     * when it asked.
     */
    boolean askDirectly(ScreenResult r, String storyText) {
      if (r.urgent() || s.inCrisis() || s.status() != ConversationStatus.ACTIVE || ScriptBook.CRISIS.equals(s.scriptId())) return false;
      String category = null;
      int best = Integer.MAX_VALUE;
      for (ScreenMatch m : r.matches()) {
        if (m.category() == null || s.wasAsked(m.category())) continue;
        int rank = DirectQuestion.QUESTION_ORDER.indexOf(DirectQuestion.questionOf(m.category()));
        if (rank < best) {
          best = rank;
          category = m.category();
        }
      }
      if (category == null) return false;
      if (storyText != null) {
        s = s.withStoryPart(storyText).withListened(s.listened() + 1);
        effects.add(new Effect.StoryPart(storyText));
      }
      s = s.withAsked(DirectQuestion.sharingQuestion(category)).withPending(Pending.ASK_DIRECTLY);
      sendDirectQuestion(category);
      return true;
    }

    void sendDirectQuestion(String category) {
      Text q = DirectQuestion.text(book.shared(), DirectQuestion.questionOf(category));
      out(say(q), List.of(
          button(DirectQuestion.text(book.shared(), DirectQuestion.YES), Callback.engine("ask", "yes")),
          button(DirectQuestion.text(book.shared(), DirectQuestion.NO), Callback.engine("ask", "no")),
          button(DirectQuestion.text(book.shared(), DirectQuestion.UNSURE), Callback.engine("ask", "unsure"))), false);
    }

    /** A typed answer to the direct question. A message that itself screens urgent goes the urgent way at once. */
    void typedDirectAnswer(ScreenResult r, String text) {
      if (r.urgent()) {
        s = s.withPending(Pending.NONE);
        screened(r, text, true);
        return;
      }
      if (r.flagged()) screened(r, text, false); // a concern in the answer: flagged, with its words
      directAnswer(DirectQuestion.read(text), text);
    }

    void directChoice(String arg) {
      DirectQuestion.Reply reply = switch (arg == null ? "" : arg) {
        case "yes" -> DirectQuestion.Reply.YES;
        case "no" -> DirectQuestion.Reply.NO;
        case "unsure" -> DirectQuestion.Reply.UNSURE;
        default -> null;
      };
      if (reply == null) {
        stale();
        return;
      }
      String key = reply == DirectQuestion.Reply.YES ? DirectQuestion.YES : reply == DirectQuestion.Reply.NO ? DirectQuestion.NO : DirectQuestion.UNSURE;
      directAnswer(reply, say(DirectQuestion.text(book.shared(), key)));
    }

    /** Anything but text or the question's buttons while it waits: a photo, a voice note, a contact, an old button. */
    void directOther(Input input) {
      if (input instanceof Input.Choice) {
        stale(); // an earlier question's button answers nothing; the direct question is asked again
        return;
      }
      String marker = input instanceof Input.Unsupported u ? "[" + u.what() + "]" : input instanceof Input.Contact ? "[contact]" : "[?]";
      directAnswer(DirectQuestion.Reply.OTHER, marker);
    }

    /**
     * Applies the answer to the direct question. Only a clear no keeps the family where they
     * were (the concern flag stays for the counselor); yes, not sure and anything else take the
     * urgent path, with the help contacts in this same step.
     */
    void directAnswer(DirectQuestion.Reply reply, String answer) {
      String category = s.askingAbout() == null ? "unknown" : s.askingAbout();
      s = s.withPending(Pending.NONE);
      if (reply == DirectQuestion.Reply.NO) {
        send(DirectQuestion.text(book.shared(), DirectQuestion.AFTER_NO));
        if (current() instanceof Node.Listen l) {
          // The story goes on: not its opening question again, only room to write.
          out(say(Phrases.GO_ON), List.of(button(Phrases.DONE, Callback.engine("done", l.id()))), false);
        } else {
          prompt(current());
        }
        return;
      }
      String shown = Interpolator.clip(answer == null ? "" : answer.strip(), 200);
      String phrase = "jawaban atas pertanyaan langsung (" + category + "): " + shown;
      urgent(List.of(category), List.of(phrase), reply == DirectQuestion.Reply.OTHER ? answer : null);
    }

    // ---- answers at the current node ------------------------------------------------------

    void answer(Node node, Input input) {
      if (node instanceof Node.Ask a) ask(a, input);
      else if (node instanceof Node.Listen l) listen(l, input);
      else if (node == null) broken("no current node");
      else enter(s.scriptId(), node.id()); // defensive: never stuck on an auto node
    }

    void ask(Node.Ask a, Input input) {
      if (input instanceof Input.Unsupported u) {
        unsupported(u.what());
        prompt(a);
        return;
      }
      if (input instanceof Input.Text t && VisibleText.empty(t.text())) {
        // Nothing visible to read (spaces, or only characters taken out): not a wrong answer, so
        // not a miss, and not "too long" or "not a number" either.
        out(say(Phrases.EMPTY_MESSAGE) + "\n\n" + say(a.text()), buttons(a), a.input() == InputKind.CONTACT);
        return;
      }
      Answer ans = AnswerReader.read(a, input, s.lang());
      if (input instanceof Input.Text t && Phrases.SKIP_WORDS.contains(normalise(t.text()))) {
        // "lewati" is a wish to skip, not a name or a wrong answer; only an option that
        // literally says so (a choice the admin wrote) takes precedence on a required question.
        boolean literalOption = ans != null && a.input() != InputKind.TEXT && a.input() != null;
        if (a.skip() || !literalOption) {
          skip(a.id());
          return;
        }
      }
      if (ans == null) {
        if (input instanceof Input.Choice) {
          stale();
          return;
        }
        if (s.inCrisis()) {
          unreadInCrisis(a, input);
          return;
        }
        miss(a);
        return;
      }
      s = s.withMisses(0);
      if (a.capture() != null) {
        Script sc = script();
        FieldSpec spec = sc == null ? null : sc.field(a.capture());
        s = s.withField(a.capture(), ans.value());
        effects.add(new Effect.Capture(a.capture(), ans.value(), spec != null && spec.sensitive()));
      }
      enter(s.scriptId(), ans.next() != null ? ans.next() : a.next());
    }

    /**
     * Someone in danger wrote something that does not answer the question. Never "I didn't
     * understand" and no three-miss offer (a counselor is already called): the words are kept
     * for the counselor, and a question that offers "not sure" takes that answer (anything but
     * a clear answer is read as not sure, as in the direct question); otherwise the question
     * is shown again after a thank-you.
     */
    void unreadInCrisis(Node.Ask a, Input input) {
      if (input instanceof Input.Text t && !t.text().isBlank()) {
        s = s.withStoryPart(t.text());
        effects.add(new Effect.StoryPart(t.text()));
      }
      for (Option o : a.options()) {
        if ("unsure".equals(o.value())) {
          s = s.withMisses(0);
          if (a.capture() != null) {
            Script sc = script();
            FieldSpec spec = sc == null ? null : sc.field(a.capture());
            s = s.withField(a.capture(), o.value());
            effects.add(new Effect.Capture(a.capture(), o.value(), spec != null && spec.sensitive()));
          }
          enter(s.scriptId(), o.next() != null ? o.next() : a.next());
          return;
        }
      }
      out(say(Phrases.KEPT_FOR_COUNSELOR) + "\n\n" + say(a.text()), buttons(a), a.input() == InputKind.CONTACT);
    }

    void miss(Node.Ask a) {
      s = s.withMisses(s.misses() + 1);
      if (s.misses() >= MAX_MISSES) {
        // Start counting again: if they keep trying, the question comes back before the next offer.
        s = s.withPending(Pending.OFFER_PERSON).withMisses(0);
        List<Button> b = new ArrayList<>();
        b.add(button(Phrases.PERSON, Callback.engine("person")));
        b.add(button(Phrases.RETRY, Callback.engine("retry")));
        if (a.skip()) b.add(button(Phrases.SKIP, Callback.engine("skip", a.id())));
        out(say(Phrases.OFFER_PERSON), b, false);
        return;
      }
      Text again = a.invalid() != null ? a.invalid() : AnswerReader.reprompt(a);
      String msg = say(again);
      out(msg + "\n\n" + say(a.text()), buttons(a), a.input() == InputKind.CONTACT);
    }

    void listen(Node.Listen l, Input input) {
      if (input instanceof Input.Unsupported u) {
        // A voice note or photo may be part of the story: keep a marker, the file is in the transcript.
        String marker = "[" + u.what() + "]";
        s = s.withStoryPart(marker).withListened(s.listened() + 1);
        effects.add(new Effect.StoryPart(marker));
        unsupported(u.what());
        return;
      }
      if (!(input instanceof Input.Text t)) {
        stale();
        return;
      }
      String text = t.text();
      if (VisibleText.empty(text)) { // nothing to keep in the story
        out(say(Phrases.EMPTY_MESSAGE), List.of(button(Phrases.DONE, Callback.engine("done", l.id()))), false);
        return;
      }
      if (Phrases.END_PHRASES.contains(normalise(text)) && !s.story().isEmpty()) {
        finishListening(l);
        return;
      }
      s = s.withStoryPart(text).withListened(s.listened() + 1);
      effects.add(new Effect.StoryPart(text));
      if (s.listened() >= l.limit()) {
        send(Phrases.STORY_LIMIT);
        finishListening(l);
        return;
      }
      List<Text> acks = l.acknowledgements() == null || l.acknowledgements().isEmpty()
          ? Phrases.ACKNOWLEDGEMENTS : l.acknowledgements();
      Text ack = acks.get((s.listened() - 1) % acks.size());
      out(say(ack), List.of(button(Phrases.DONE, Callback.engine("done", l.id()))), false);
    }

    void finishListening(Node.Listen l) {
      s = s.withListened(0);
      enter(s.scriptId(), l.next());
    }

    void unsupported(String what) {
      Text t = Text.of(
          Phrases.UNSUPPORTED.in("id").replace("{what}", MediaNames.name(what, "id")),
          Phrases.UNSUPPORTED.in("en").replace("{what}", MediaNames.name(what, "en")));
      send(t);
    }

    // ---- entering nodes ----------------------------------------------------------------------

    void enter(String scriptId, String nodeId) {
      String sid = scriptId;
      String nid = nodeId;
      for (int i = 0; i < MAX_AUTO_STEPS; i++) {
        Script sc = book.script(sid);
        Node n = sc == null ? null : sc.node(nid);
        if (n == null) {
          s = s.at(sid, nid);
          broken("missing node " + sid + "/" + nid);
          return;
        }
        if (s.inCrisis() && n.technique() == Technique.SMALL_TALK && skippable(n)) {
          nid = Node.crisisSkipTarget(n);
          continue;
        }
        s = s.at(sid, n.id());
        if (n.technique() != null) s = s.withTechnique(n.technique());
        if (n instanceof Node.Say say) {
          for (Text t : say.text() == null ? List.<Text>of() : say.text()) send(t);
          nid = say.next();
        } else if (n instanceof Node.Ask a) {
          s = s.withMisses(0);
          prompt(a);
          return;
        } else if (n instanceof Node.Listen l) {
          s = s.withListened(0);
          prompt(l);
          return;
        } else if (n instanceof Node.Branch b) {
          nid = route(b);
        } else if (n instanceof Node.Handoff h) {
          if (h.text() != null) send(h.text());
          Priority p = h.priority() == null ? s.priority() : s.priority().max(h.priority());
          handoff(h.queue() == null ? "general" : h.queue(), p, "script " + sid + "/" + h.id());
          return;
        } else if (n instanceof Node.End e) {
          if (e.text() != null) send(e.text());
          s = s.withStatus(ConversationStatus.ENDED);
          effects.add(new Effect.End("script " + sid + "/" + e.id()));
          return;
        } else if (n instanceof Node.Goto g) {
          Script target = book.script(g.script());
          sid = g.script();
          nid = g.node() != null ? g.node() : target == null ? null : target.startNode();
        }
      }
      broken("loop without input in " + sid);
    }

    boolean skippable(Node n) {
      return n instanceof Node.Say || n instanceof Node.Ask || n instanceof Node.Listen;
    }

    String route(Node.Branch b) {
      for (BranchRule r : b.rules()) {
        if (r.when() == null || r.when().holds(s.fields(), s.flags())) return r.next();
      }
      return b.otherwise();
    }

    void handoff(String queue, Priority p, String reason) {
      s = s.withStatus(ConversationStatus.HANDED_OFF).withPriority(p).withPending(Pending.NONE);
      effects.add(new Effect.Handoff(queue, p, reason));
    }

    /** A script that leads nowhere must not strand a family: hand over to a person. */
    void broken(String why) {
      send(Phrases.SOMETHING_WRONG);
      handoff("general", s.priority(), "script problem: " + why);
    }

    void prompt(Node n) {
      if (n instanceof Node.Ask a) {
        out(say(a.text()), buttons(a), a.input() == InputKind.CONTACT);
      } else if (n instanceof Node.Listen l) {
        out(say(l.text()), List.of(button(Phrases.DONE, Callback.engine("done", l.id()))), false);
      } else if (n == null && s.status() == ConversationStatus.ACTIVE) {
        broken("no current node");
      }
    }

    List<Button> buttons(Node.Ask a) {
      List<Button> b = new ArrayList<>();
      if (a.input() == InputKind.CHOICE || a.input() == InputKind.YESNO) {
        List<Option> opts = a.options().isEmpty() && a.input() == InputKind.YESNO ? AnswerReader.YES_NO : a.options();
        for (Option o : opts) b.add(button(o.label(), Callback.option(a.id(), o.value())));
      } else if (a.input() == InputKind.CONTACT) {
        b.add(button(Phrases.SHARE_CONTACT, "contact"));
      }
      if (a.skip() && a.input() != InputKind.CONTACT) b.add(button(Phrases.SKIP, Callback.engine("skip", a.id())));
      return b;
    }

    Button button(Text label, String data) {
      return new Button(say(label), data);
    }
  }

  /** An accepted answer: the value to capture and where the answer leads (or null). */
  record Answer(String value, String next) {}
}
