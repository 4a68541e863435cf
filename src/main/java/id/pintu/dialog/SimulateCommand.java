package id.pintu.dialog;

import id.pintu.safety.CrisisScreen;
import id.pintu.safety.CrisisScreens;
import id.pintu.safety.Examples;
import id.pintu.safety.Lexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code simulate [--script first-contact] [--lang id|en] [--dialogs dir]}: chat with a
 * script in the terminal, as a family would on Telegram, then see what a counselor would
 * get: the intake record, flags, the story, techniques, status and the handoff request.
 *
 * <p>Typing: free text is a message; a number picks that button; {@code /konselor} and
 * other lines starting with {@code /} are commands; {@code #contact 0812...} shares a
 * phone number; {@code #photo}, {@code #sticker}, {@code #voice}... send something the bot
 * cannot read. Works with piped input, one message per line.
 */
public final class SimulateCommand {
  private static final String BOT = "bot> ";
  private static final String INDENT = "     ";

  private SimulateCommand() {}

  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, System.console() != null);
  }

  static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    String scriptId = ScriptBook.FIRST_CONTACT;
    String lang = Text.DEFAULT_LANG;
    Path dir = Path.of("dialogs");
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String v = i + 1 < args.size() ? args.get(i + 1) : null;
      switch (a) {
        case "--script", "--lang", "--dialogs" -> {
          if (v == null) {
            err.println("simulate: " + a + " needs a value");
            usage(err);
            return 2;
          }
          if (a.equals("--script")) scriptId = v;
          else if (a.equals("--lang")) lang = v;
          else dir = Path.of(v);
          i++;
        }
        case "-h", "--help" -> {
          usage(out);
          return 0;
        }
        default -> {
          err.println("simulate: unknown option '" + a + "'");
          usage(err);
          return 2;
        }
      }
    }
    if (!Files.exists(dir)) {
      err.println("simulate: no dialogs folder at " + dir);
      return 1;
    }
    DialogFolder.Contents folder = DialogFolder.read(dir);
    for (Problem p : folder.problems()) err.println("warning: " + p);
    ScriptBook book = folder.book();
    if (book.script(scriptId) == null) {
      err.println("simulate: no script '" + scriptId + "' in " + dir + " (have: " + String.join(", ", folder.scripts().keySet()) + ")");
      return 1;
    }
    if (book.script(ScriptBook.CRISIS) == null) err.println("warning: no crisis script in " + dir);
    Engine engine;
    try {
      engine = new Engine(crisisScreen(dir, err));
    } catch (Lexicon.LexiconException | Examples.ExamplesException e) {
      err.println("simulate: " + e.getMessage().replace("\n", " "));
      return 1;
    }
    return new Session(book, engine, out, interactive).chat(scriptId, lang, in);
  }

  /** The same crisis screen the service runs: the folder's lexicon, else the one in the jar. */
  static CrisisScreen crisisScreen(Path dir, PrintStream err) {
    return CrisisScreens.forDialogs(Files.isDirectory(dir) ? dir : dir.toAbsolutePath().getParent());
  }

  static void usage(PrintStream out) {
    out.println(String.join("\n",
        "Usage: simulate [--script first-contact] [--lang id|en] [--dialogs dir]",
        "  Type a message and press Enter. A number picks that button.",
        "  /konselor, /berhenti, /bantuan, /lewati, /english ... are commands.",
        "  #contact 08123456789 shares a phone number; #photo, #sticker, #voice send media.",
        "  End of input (Ctrl-D) finishes and prints what a counselor would receive."));
  }

  /** One simulated conversation. */
  private static final class Session {
    final ScriptBook book;
    final Engine engine;
    final PrintStream out;
    final boolean interactive;
    SessionState state;
    List<Button> buttons = List.of();
    final Map<String, Boolean> sensitive = new LinkedHashMap<>();
    final List<Effect.Flag> flags = new ArrayList<>();
    final List<Effect.Handoff> handoffs = new ArrayList<>();
    final List<Effect.End> ends = new ArrayList<>();

    Session(ScriptBook book, Engine engine, PrintStream out, boolean interactive) {
      this.book = book;
      this.engine = engine;
      this.out = out;
      this.interactive = interactive;
    }

    int chat(String scriptId, String lang, InputStream in) {
      apply(engine.begin(book, scriptId, lang));
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      try {
        while (state.status() == ConversationStatus.ACTIVE) {
          if (interactive) {
            out.print("you> ");
            out.flush();
          }
          String line = r.readLine();
          if (line == null) break;
          line = line.strip();
          if (line.isEmpty()) continue;
          Input input = toInput(line);
          if (input == null) continue;
          if (!interactive) out.println("you> " + echo(line, input));
          apply(engine.step(book, state, input));
        }
      } catch (IOException e) {
        out.println("(input could not be read: " + e.getMessage() + ")");
      }
      report();
      return 0;
    }

    /** The family's line as the transport would deliver it, or null when nothing is sent. */
    Input toInput(String line) {
      if (line.matches("\\d{1,2}")) {
        int n = Integer.parseInt(line);
        if (n >= 1 && n <= buttons.size()) {
          String data = buttons.get(n - 1).data();
          if ("contact".equals(data)) {
            out.println("(to share a phone number, type: #contact 08123456789)");
            return null;
          }
          return new Input.Choice(data);
        }
        return new Input.Text(line);
      }
      if (line.startsWith("/")) {
        String body = line.substring(1);
        int sp = body.indexOf(' ');
        String name = (sp < 0 ? body : body.substring(0, sp)).toLowerCase(Locale.ROOT);
        int at = name.indexOf('@'); // /start@PintuBot in groups
        if (at >= 0) name = name.substring(0, at);
        String arg = sp < 0 ? null : body.substring(sp + 1).strip();
        return new Input.Command(name, arg == null || arg.isEmpty() ? null : arg);
      }
      if (line.startsWith("#")) {
        String body = line.substring(1).strip();
        int sp = body.indexOf(' ');
        String what = (sp < 0 ? body : body.substring(0, sp)).toLowerCase(Locale.ROOT);
        String arg = sp < 0 ? "" : body.substring(sp + 1).strip();
        if (what.equals("contact")) {
          if (arg.isEmpty()) {
            out.println("(type the number after it: #contact 08123456789)");
            return null;
          }
          return new Input.Contact(arg);
        }
        if (!what.isEmpty()) return new Input.Unsupported(what);
      }
      return new Input.Text(line);
    }

    /** The family's line as shown in a piped transcript: a picked button shows its label. */
    String echo(String line, Input input) {
      if (input instanceof Input.Choice c) {
        for (Button b : buttons) if (b.data().equals(c.data())) return "[" + line + "] " + b.label();
      }
      return line;
    }

    void apply(Step step) {
      state = step.state();
      List<Button> shown = new ArrayList<>();
      for (Effect e : step.effects()) {
        if (e instanceof Effect.Send s) {
          print(s.text());
          for (Button b : s.buttons()) {
            shown.add(b);
            out.println("  [" + shown.size() + "] " + b.label());
          }
          if (s.askContact()) out.println("  (type #contact 08123456789 to share a number)");
        } else if (e instanceof Effect.Capture c) {
          sensitive.put(c.field(), c.sensitive());
        } else if (e instanceof Effect.Flag f) {
          flags.add(f);
          out.println("  ** flagged " + f.flag() + " (" + f.level().wire() + "): " + String.join(", ", f.categories()));
        } else if (e instanceof Effect.Handoff h) {
          handoffs.add(h);
        } else if (e instanceof Effect.End en) {
          ends.add(en);
        } else if (e instanceof Effect.Erase) {
          out.println("  ** erasure confirmed: the service would now erase this family's data, or explain a legal hold");
        }
        // Effect.StoryPart: kept in the state's story, shown in the report.
      }
      buttons = shown;
    }

    void print(String text) {
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (i == 0) out.println(BOT + lines[i]);
        else out.println(lines[i].isEmpty() ? "" : INDENT + lines[i]);
      }
    }

    void report() {
      out.println();
      out.println("==== what the counselor receives ====");
      out.println("status:     " + state.status().wire() + "   priority: " + state.priority().wire());
      out.println("script:     " + state.scriptId() + (state.nodeId() == null ? "" : " / " + state.nodeId()) + "   language: " + state.lang());
      out.println("intake:");
      if (state.fields().isEmpty()) out.println("  (nothing captured)");
      for (Map.Entry<String, String> f : state.fields().entrySet()) {
        FieldSpec spec = spec(f.getKey());
        boolean sens = sensitive.getOrDefault(f.getKey(), spec != null && spec.sensitive());
        String label = spec == null || spec.label() == null ? "" : " (" + spec.label().in(state.lang()) + ")";
        out.println("  " + f.getKey() + label + " = " + f.getValue() + (sens ? "   [sensitive]" : ""));
      }
      out.println("flags:" + (state.flags().isEmpty() ? " (none)" : ""));
      for (Effect.Flag f : flags) {
        out.println("  " + f.flag() + " (" + f.level().wire() + ") " + String.join(", ", f.categories()));
        for (String p : f.phrases()) out.println("    evidence: \"" + p + "\"");
      }
      if (flags.isEmpty()) for (String f : state.flags()) out.println("  " + f);
      out.println("story:" + (state.story().isEmpty() ? " (none)" : ""));
      int i = 1;
      for (String part : state.story()) out.println("  " + i++ + ". " + part);
      out.println("techniques: " + (state.techniques().isEmpty() ? "(none)" : String.join(", ", state.techniques())));
      if (handoffs.isEmpty()) {
        out.println("handoff request: (none)");
      } else {
        for (Effect.Handoff h : handoffs) {
          out.println("handoff request: queue " + h.queue() + ", priority " + h.priority().wire() + " (" + h.reason() + ")");
        }
      }
      for (Effect.End e : ends) out.println("ended: " + e.reason());
      if (state.status() == ConversationStatus.ACTIVE) out.println("(input ended while the conversation was still running)");
    }

    /** A field's declaration from whichever script declares it. */
    FieldSpec spec(String field) {
      Script current = book.script(state.scriptId());
      if (current != null && current.field(field) != null) return current.field(field);
      for (Script s : book.scripts().values()) if (s.field(field) != null) return s.field(field);
      return null;
    }
  }
}
