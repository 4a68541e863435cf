package id.pintu.dialog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the dialog scripts before a family meets them. Every problem names the file, the
 * node (when there is one) and what is wrong in plain words for an admin who is not a
 * programmer. The checks are listed in docs/SCRIPTS.md; in short: syntax, node ids and
 * techniques, references between nodes and scripts, reachability, ways to a handoff or an
 * end, loops without input, translations, fields and placeholders, Telegram's limits,
 * question settings, branches, handoffs, and the two scripts every folder needs.
 */
public final class ScriptValidator {
  /** Every family-facing text must be written in these languages. */
  public static final List<String> LANGUAGES = List.of("id", "en");

  public static final Set<String> FIELD_TYPES = Set.of("text", "choice", "number", "yesno", "phone");

  /** The flags the engine sets; a branch on any other flag can never hold. */
  public static final Set<String> KNOWN_FLAGS = Set.of(SessionState.FLAG_CRISIS, SessionState.FLAG_CONCERN);

  /** Telegram's limit for one message. */
  public static final int MAX_TEXT_CHARS = 4096;

  private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private ScriptValidator() {}

  // ---- entry points ----------------------------------------------------------------------

  /** Reads and checks a whole dialogs folder; problems carry line numbers. */
  public static List<Problem> validateFolder(Path dir) {
    DialogFolder.Contents c = DialogFolder.read(dir);
    return validate(c, readTexts(c, dir));
  }

  /**
   * Checks one script file against the other scripts and the service texts of its folder
   * (the problems of the other files are left out, except those this file causes).
   */
  public static List<Problem> validateFile(Path file) throws IOException {
    String fileName = file.getFileName().toString();
    String yaml = Files.readString(file, StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Map<String, Script> others = new LinkedHashMap<>();
    ServiceTexts service = emptyService();
    if (dir != null) {
      DialogFolder.Contents folder = DialogFolder.read(dir);
      for (Map.Entry<String, Script> e : folder.scripts().entrySet()) {
        if (!fileName.equals(folder.files().get(e.getKey()))) others.put(e.getKey(), e.getValue());
      }
      service = folder.service();
    }
    return validateOne(fileName, yaml, others, service);
  }

  /** Checks what {@link DialogFolder#read} found, including the problems it met reading. */
  public static List<Problem> validate(DialogFolder.Contents contents) {
    return validate(contents, Map.of());
  }

  /**
   * As {@link #validate(DialogFolder.Contents)}; {@code yamlByFile} (file name to text) lets
   * problems name the line of the node.
   */
  public static List<Problem> validate(DialogFolder.Contents contents, Map<String, String> yamlByFile) {
    List<Problem> out = new ArrayList<>(contents.problems());
    Checker c = new Checker(contents.scripts(), contents.files(), contents.service(), yamlByFile);
    c.checkAll();
    c.checkFolder();
    c.checkService();
    for (Finding f : c.findings) out.add(f.problem);
    return sorted(out);
  }

  /** Checks scripts already parsed (file names are taken to be {@code <id>.yaml}). */
  public static List<Problem> check(Map<String, Script> scripts, ServiceTexts service) {
    return validate(new DialogFolder.Contents(scripts, Map.of(), service, List.of()));
  }

  /**
   * Checks one script's YAML text against the other scripts already known, e.g. before an
   * admin publishes it. Returns the problems of this file, and the problems it causes in the
   * others (a goto into a node this version no longer has). A script of the same id among
   * {@code others} is replaced by this one.
   */
  public static List<Problem> validateOne(String fileName, String yaml, Map<String, Script> others, ServiceTexts service) {
    Map<String, Script> scripts = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    String fileId = fileName.replaceFirst("\\.ya?ml$", "");
    Map<String, Script> parsed = new LinkedHashMap<>();
    DialogFolder.readOne(fileName, yaml == null ? "" : yaml, parsed, new LinkedHashMap<>(), problems);
    if (parsed.isEmpty()) return sorted(problems);
    Script mine = parsed.values().iterator().next();
    for (Map.Entry<String, Script> e : others.entrySet()) {
      if (!e.getKey().equals(mine.id()) && !e.getKey().equals(fileId)) {
        scripts.put(e.getKey(), e.getValue());
        files.put(e.getKey(), e.getKey() + ".yaml");
      }
    }
    scripts.put(mine.id(), mine);
    files.put(mine.id(), fileName);
    Checker c = new Checker(scripts, files, service == null ? emptyService() : service, Map.of(fileName, yaml == null ? "" : yaml));
    c.checkAll();
    for (Finding f : c.findings) {
      if (fileName.equals(f.problem.file()) || mine.id().equals(f.about)) problems.add(f.problem);
    }
    return sorted(problems);
  }

  private static ServiceTexts emptyService() {
    return new ServiceTexts(Map.of(), List.of(), List.of());
  }

  private static Map<String, String> readTexts(DialogFolder.Contents c, Path dir) {
    Map<String, String> texts = new HashMap<>();
    if (dir == null) return texts;
    for (String file : c.files().values()) {
      try {
        texts.put(file, Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        // already reported by DialogFolder if it matters; lines stay unknown
      }
    }
    return texts;
  }

  /** By file, keeping the order within a file (the order of the script). */
  private static List<Problem> sorted(List<Problem> ps) {
    List<Problem> l = new ArrayList<>(ps);
    l.sort(Comparator.comparing((Problem p) -> p.file() == null ? "" : p.file()));
    return l;
  }

  /** A problem, and the script it is about when that is not its own file's script. */
  private record Finding(Problem problem, String about) {}

  /** One node and where it is: the unit of every graph below. */
  private record Ref(String script, String node) {}

  // ---- the checks ------------------------------------------------------------------------

  private static final class Checker {
    final Map<String, Script> scripts;
    final Map<String, String> files;
    final ServiceTexts service;
    final Map<String, String> yaml;
    final Map<String, Text> shared;
    final Interpolator words;
    final Map<String, ScriptLocations> locations = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    /** Fields declared by any script: conversation fields are shared across scripts. */
    final Set<String> allFields = new LinkedHashSet<>();

    Checker(Map<String, Script> scripts, Map<String, String> files, ServiceTexts service, Map<String, String> yaml) {
      this.scripts = scripts;
      this.files = files;
      this.service = service == null ? emptyService() : service;
      this.yaml = yaml;
      this.shared = this.service.placeholders();
      this.words = new Interpolator(shared);
      for (Script s : scripts.values()) allFields.addAll(s.fields().keySet());
    }

    String file(String scriptId) {
      String f = files.get(scriptId);
      return f != null ? f : scriptId + ".yaml";
    }

    ScriptLocations where(String scriptId) {
      return locations.computeIfAbsent(scriptId, id -> {
        String text = yaml.get(file(id));
        return text == null ? ScriptLocations.NONE : ScriptLocations.of(text);
      });
    }

    /** Node positions by identity, per script: indexOf compares whole records, once per problem. */
    final Map<String, Map<Node, Integer>> positions = new HashMap<>();

    int position(Script s, Node n) {
      Map<Node, Integer> m = positions.computeIfAbsent(s.id(), k -> {
        Map<Node, Integer> p = new java.util.IdentityHashMap<>();
        List<Node> nodes = s.nodes();
        for (int i = 0; i < nodes.size(); i++) p.putIfAbsent(nodes.get(i), i);
        return p;
      });
      Integer i = m.get(n);
      return i != null ? i : s.nodes().indexOf(n);
    }

    void node(Script s, Node n, String message) {
      nodeAbout(s, n, null, message);
    }

    void nodeAbout(Script s, Node n, String about, String message) {
      int index = position(s, n);
      ScriptLocations.At at = where(s.id()).node(index);
      String name = n.id() == null || n.id().isBlank() ? null : n.id();
      findings.add(new Finding(new Problem(file(s.id()), name, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message), about));
    }

    void script(Script s, String key, String message) {
      ScriptLocations.At at = key == null ? null : where(s.id()).topLevel(key);
      findings.add(new Finding(new Problem(file(s.id()), null, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message), null));
    }

    void field(Script s, String name, String message) {
      ScriptLocations.At at = where(s.id()).field(name);
      findings.add(new Finding(new Problem(file(s.id()), null, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message), null));
    }

    // ---- per script ----

    void checkAll() {
      for (Script s : scripts.values()) checkScript(s);
      checkReachability();
      checkEndings();
      checkAutoLoops();
      checkAutoRuns();
      checkCrisis();
    }

    void checkScript(Script s) {
      if (s.nodes().isEmpty()) {
        script(s, "nodes", "the script has no nodes");
        return;
      }
      if (s.start() != null && s.node(s.start()) == null) {
        script(s, "start", "'start' names node '" + s.start() + "', which is not in this script");
      }
      if (s.title() != null) texts(s, null, "title", s.title(), null);
      for (Map.Entry<String, FieldSpec> e : s.fields().entrySet()) {
        FieldSpec f = e.getValue();
        if (f == null) {
          field(s, e.getKey(), "field '" + e.getKey() + "' has no settings; give it at least a 'type'");
          continue;
        }
        if (f.type() == null || !FIELD_TYPES.contains(f.type())) {
          field(s, e.getKey(), "field '" + e.getKey() + "' has type '" + f.type() + "'; use one of text, choice, number, yesno, phone");
        }
        if (f.label() != null) {
          for (String lang : LANGUAGES) {
            if (!f.label().has(lang)) field(s, e.getKey(), "the label of field '" + e.getKey() + "' is missing in " + langName(lang));
          }
        }
      }
      Set<String> seen = new HashSet<>();
      int i = 0;
      for (Node n : s.nodes()) {
        i++;
        if (n == null) continue;
        if (n.id() == null || n.id().isBlank()) {
          node(s, n, "node number " + i + " (a " + n.kind() + ") has no 'id'; every node needs one");
        } else if (!seen.add(n.id())) {
          node(s, n, "the node id '" + n.id() + "' is used twice in this script; node ids must be unique");
        }
        if (n.technique() == null) {
          node(s, n, "the node does not say its 'technique' (small_talk, ventilation, support, reassurance, information or intake)");
        }
        checkNode(s, n);
      }
    }

    void checkNode(Script s, Node n) {
      if (n instanceof Node.Say say) {
        if (say.text() == null || say.text().isEmpty()) node(s, n, "the say node has no 'text'");
        else for (Text t : say.text()) texts(s, n, "text", t, null);
        next(s, n, "'next'", say.next(), true);
        smallTalkNext(s, n, say.next());
      } else if (n instanceof Node.Ask a) {
        checkAsk(s, a);
      } else if (n instanceof Node.Listen l) {
        texts(s, n, "text", l.text(), "the listen node has no 'text' (the invitation to tell the story)");
        if (l.acknowledgements() != null) {
          for (Text t : l.acknowledgements()) texts(s, n, "acknowledgement", t, "an acknowledgement is empty");
        }
        if (l.maxMessages() != null && l.maxMessages() < 1) node(s, n, "'maxMessages' must be 1 or more");
        callback(s, n, "the \"done\" button", Callback.engine("done", l.id()));
        next(s, n, "'next'", l.next(), true);
        smallTalkNext(s, n, l.next());
      } else if (n instanceof Node.Branch b) {
        checkBranch(s, b);
      } else if (n instanceof Node.Handoff h) {
        if (h.text() != null) texts(s, n, "text", h.text(), null);
        if (h.queue() != null && !QUEUE.matcher(h.queue()).matches()) {
          node(s, n, "the queue '" + h.queue() + "' should be a short name in small letters, digits, '-' or '_' (for example general or crisis)");
        }
      } else if (n instanceof Node.End e) {
        if (e.text() != null) texts(s, n, "text", e.text(), null);
      } else if (n instanceof Node.Goto g) {
        if (g.script() == null || g.script().isBlank()) {
          node(s, n, "the goto node does not say which 'script' to continue in");
        } else if (!scripts.containsKey(g.script())) {
          node(s, n, "goes to script '" + g.script() + "', which does not exist");
        } else if (g.node() != null && scripts.get(g.script()).node(g.node()) == null) {
          nodeAbout(s, n, g.script(), "goes to node '" + g.node() + "' of script '" + g.script() + "', which has no such node");
        } else if (g.node() == null && scripts.get(g.script()).startNode() == null) {
          nodeAbout(s, n, g.script(), "goes to script '" + g.script() + "', which has no nodes");
        }
      }
    }

    void checkAsk(Script s, Node.Ask a) {
      texts(s, a, "question text", a.text(), "the ask node has no 'text' (the question)");
      if (a.invalid() != null) texts(s, a, "'invalid' text", a.invalid(), null);
      InputKind kind = a.input() == null ? InputKind.TEXT : a.input();
      boolean choice = kind == InputKind.CHOICE || kind == InputKind.YESNO;
      if (kind == InputKind.CHOICE && a.options().isEmpty()) node(s, a, "a choice question needs 'options' (the buttons)");
      if (!choice && !a.options().isEmpty()) {
        node(s, a, "'options' are only used by choice and yesno questions; this one is '" + kind.wire() + "'");
      }
      Set<String> values = new HashSet<>();
      boolean everyOptionLeads = !a.options().isEmpty();
      for (Option o : a.options()) {
        if (o == null) continue;
        if (o.value() == null || o.value().isBlank()) {
          node(s, a, "an option has no 'value'");
        } else if (!values.add(o.value().toLowerCase(java.util.Locale.ROOT))) {
          node(s, a, "the option value '" + o.value() + "' is used twice; option values must be unique");
        }
        String what = "the label of option '" + o.value() + "'";
        if (o.label() == null || o.label().byLang().values().stream().allMatch(v -> v == null || v.isBlank())) {
          node(s, a, "option '" + o.value() + "' has no 'label': a button cannot be empty");
        } else {
          texts(s, a, what, o.label(), null);
        }
        if (choice && o.value() != null) callback(s, a, "the button of option '" + o.value() + "'", Callback.option(a.id(), o.value()));
        if (o.next() != null) next(s, a, "the 'next' of option '" + o.value() + "'", o.next(), false);
        else everyOptionLeads = false;
      }
      if (kind == InputKind.YESNO && a.options().isEmpty()) {
        callback(s, a, "the \"yes\" button", Callback.option(a.id(), "yes"));
      }
      if (a.skip()) callback(s, a, "the \"skip\" button", Callback.engine("skip", a.id()));
      if (a.next() != null || !everyOptionLeads) next(s, a, "'next'", a.next(), true);
      if (a.skip() && a.next() == null && (a.options().isEmpty() || a.options().get(a.options().size() - 1).next() == null)) {
        node(s, a, "the question may be skipped but has no 'next' to go to after a skip");
      }
      smallTalkNext(s, a, a.next());
      if (kind == InputKind.NUMBER && a.min() != null && a.max() != null && a.min() > a.max()) {
        node(s, a, "'min' (" + num(a.min()) + ") is larger than 'max' (" + num(a.max()) + "): no number can answer");
      }
      if (a.minLength() != null && a.minLength() < 0) node(s, a, "'minLength' cannot be negative");
      if (a.maxLength() != null && a.maxLength() < 1) node(s, a, "'maxLength' must be 1 or more");
      if (a.minLength() != null && a.maxLength() != null && a.minLength() > a.maxLength()) {
        node(s, a, "'minLength' (" + a.minLength() + ") is larger than 'maxLength' (" + a.maxLength() + "): no answer can fit");
      }
      if (a.pattern() != null) {
        try {
          Pattern.compile(a.pattern());
        } catch (PatternSyntaxException e) {
          node(s, a, "the 'pattern' is not a valid regular expression (" + e.getDescription() + " near position " + e.getIndex() + ")");
        }
      }
      if (a.capture() != null) {
        FieldSpec f = s.field(a.capture());
        if (f == null) {
          node(s, a, "captures into field '" + a.capture() + "', which is not declared under 'fields' of this script");
        } else if (f.type() != null && !fits(kind, f.type())) {
          node(s, a, "a " + kind.wire() + " question captures into field '" + a.capture() + "' of type '" + f.type() + "'");
        }
      }
    }

    /** Obvious mismatches only: a lenient table of what an answer may be stored as. */
    static boolean fits(InputKind kind, String type) {
      switch (kind) {
        case NUMBER: return type.equals("number") || type.equals("text");
        case CHOICE: return type.equals("choice") || type.equals("text") || type.equals("yesno");
        case YESNO: return type.equals("yesno") || type.equals("choice") || type.equals("text");
        case CONTACT: return type.equals("phone") || type.equals("text");
        case TEXT: return type.equals("text") || type.equals("phone") || type.equals("number");
        default: return true;
      }
    }

    void checkBranch(Script s, Node.Branch b) {
      boolean fallback = b.otherwise() != null;
      if (b.rules().isEmpty() && b.otherwise() == null) node(s, b, "the branch has no 'rules' and no 'otherwise'");
      int i = 0;
      for (BranchRule r : b.rules()) {
        i++;
        if (r == null) continue;
        Condition c = r.when();
        if (c == null || (c.field() == null && c.flag() == null && c.equals() == null && c.in() == null && c.present() == null)) {
          fallback = true;
        } else {
          checkCondition(s, b, i, c);
        }
        if (r.next() == null) node(s, b, "rule " + i + " has no 'next'");
        else next(s, b, "the 'next' of rule " + i, r.next(), false);
      }
      if (b.otherwise() != null) next(s, b, "'otherwise'", b.otherwise(), false);
      if (!fallback) {
        node(s, b, "the branch has no 'otherwise': when no rule holds the conversation would stop; add 'otherwise'");
      }
    }

    void checkCondition(Script s, Node.Branch b, int i, Condition c) {
      if (c.flag() != null && !KNOWN_FLAGS.contains(c.flag())) {
        node(s, b, "rule " + i + " tests flag '" + c.flag() + "', which is never set (known flags: " + String.join(", ", KNOWN_FLAGS.stream().sorted().toList()) + ")");
      }
      if (c.field() == null) {
        if (c.equals() != null || c.in() != null || c.present() != null) {
          node(s, b, "rule " + i + " uses 'equals', 'in' or 'present' without saying which 'field'");
        }
        return;
      }
      if (!allFields.contains(c.field())) {
        node(s, b, "rule " + i + " tests field '" + c.field() + "', which no script declares under 'fields'");
        return;
      }
      if (c.equals() == null && c.in() == null && c.present() == null) {
        node(s, b, "rule " + i + " names field '" + c.field() + "' but tests nothing; add 'equals', 'in' or 'present'");
      }
      Set<String> possible = possibleValues(c.field());
      if (possible != null) {
        List<String> tested = new ArrayList<>();
        if (c.equals() != null) tested.add(c.equals());
        if (c.in() != null) tested.addAll(c.in());
        for (String v : tested) {
          if (v != null && !possible.contains(v.toLowerCase(java.util.Locale.ROOT))) {
            node(s, b, "rule " + i + " tests field '" + c.field() + "' for '" + v + "', but no question offers that value (offered: " + String.join(", ", possible) + ")");
          }
        }
      }
    }

    /** The values a field can take when every question capturing it offers buttons; else null. */
    Set<String> possibleValues(String field) {
      Set<String> values = new LinkedHashSet<>();
      boolean any = false;
      for (Script s : scripts.values()) {
        for (Node n : s.nodes()) {
          if (!(n instanceof Node.Ask a) || !field.equals(a.capture())) continue;
          any = true;
          if (a.input() == InputKind.YESNO && a.options().isEmpty()) {
            values.add("yes");
            values.add("no");
          } else if (a.input() == InputKind.CHOICE || a.input() == InputKind.YESNO) {
            for (Option o : a.options()) if (o != null && o.value() != null) values.add(o.value().toLowerCase(java.util.Locale.ROOT));
          } else {
            return null;
          }
        }
      }
      return any ? values : null;
    }

    /** A reference to a node of the same script; {@code required} when null is a problem too. */
    void next(Script s, Node n, String what, String target, boolean required) {
      if (target == null) {
        if (required) {
          node(s, n, "the node has no 'next': the conversation would stop here without a handoff or an end");
        }
        return;
      }
      if (s.node(target) == null) node(s, n, what + " names node '" + target + "', which is not in this script");
    }

    void smallTalkNext(Script s, Node n, String next) {
      if (n.technique() == Technique.SMALL_TALK && next == null) {
        node(s, n, "a small_talk node needs its own 'next': in a crisis the engine skips small talk and goes there");
      }
    }

    void callback(Script s, Node n, String what, String data) {
      int bytes = Callback.bytes(data);
      if (bytes > Callback.MAX_BYTES) {
        node(s, n, what + " would send " + bytes + " bytes of data; Telegram allows " + Callback.MAX_BYTES + ": shorten the node id or the option value");
      }
    }

    /** Checks one family-facing text: present, translated, placeholders known, not too long. */
    void texts(Script s, Node n, String what, Text t, String missingMessage) {
      if (t == null || t.byLang().isEmpty()) {
        if (missingMessage != null) report(s, n, missingMessage);
        return;
      }
      for (String lang : LANGUAGES) {
        if (!t.has(lang)) report(s, n, "the " + what + " is missing in " + langName(lang));
      }
      Set<String> unknown = new LinkedHashSet<>();
      for (String v : t.byLang().values()) {
        if (v == null) continue;
        for (String name : placeholders(v)) {
          if (!allFields.contains(name) && !shared.containsKey(name)) unknown.add(name);
        }
      }
      for (String name : unknown) {
        report(s, n, "the " + what + " uses {" + name + "}, which is neither a declared field nor a service text"
            + (name.startsWith("service.") ? " (add '" + name.substring(8) + "' to service.yaml)" : ""));
      }
      for (String lang : LANGUAGES) {
        if (!t.has(lang)) continue;
        int len = words.render(t, lang, Map.of()).length();
        if (len > MAX_TEXT_CHARS) {
          report(s, n, "the " + langName(lang) + " " + what + " is " + len + " characters long with the service texts filled in; Telegram allows " + MAX_TEXT_CHARS);
        }
      }
    }

    void report(Script s, Node n, String message) {
      if (n == null) script(s, "title", message);
      else node(s, n, message);
    }

    // ---- across scripts ----

    List<Ref> edges(Script s, Node n) {
      List<Ref> out = new ArrayList<>();
      if (n instanceof Node.Say say) add(out, s.id(), say.next());
      else if (n instanceof Node.Ask a) {
        add(out, s.id(), a.next());
        for (Option o : a.options()) if (o != null) add(out, s.id(), o.next());
      } else if (n instanceof Node.Listen l) add(out, s.id(), l.next());
      else if (n instanceof Node.Branch b) {
        for (BranchRule r : b.rules()) if (r != null) add(out, s.id(), r.next());
        add(out, s.id(), b.otherwise());
      } else if (n instanceof Node.Goto g) {
        Script t = g.script() == null ? null : scripts.get(g.script());
        if (t != null) add(out, t.id(), g.node() != null ? g.node() : t.startNode());
      }
      return out;
    }

    /** Where a small-talk node leads when the engine skips it in a crisis. */
    Ref skipTarget(Script s, Node n) {
      String to = Node.crisisSkipTarget(n);
      return to == null ? null : new Ref(s.id(), to);
    }

    void add(List<Ref> out, String script, String node) {
      if (node != null) out.add(new Ref(script, node));
    }

    Node at(Ref r) {
      Script s = scripts.get(r.script());
      return s == null ? null : s.node(r.node());
    }

    /** Nodes no path reaches, from the script's start or from a goto in any script. */
    /** Per script, the nodes a conversation can enter it at: its start and goto targets. */
    final Map<String, Set<String>> entries = new HashMap<>();

    void checkReachability() {
      for (Script s : scripts.values()) {
        if (s.startNode() != null) entries.computeIfAbsent(s.id(), k -> new LinkedHashSet<>()).add(s.startNode());
        for (Node n : s.nodes()) {
          if (n instanceof Node.Goto g && g.script() != null && scripts.containsKey(g.script())) {
            String to = g.node() != null ? g.node() : scripts.get(g.script()).startNode();
            if (to != null) entries.computeIfAbsent(g.script(), k -> new LinkedHashSet<>()).add(to);
          }
        }
      }
      for (Script s : scripts.values()) {
        if (s.start() != null && s.node(s.start()) == null) continue; // reported: the start is unknown
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(entries.getOrDefault(s.id(), Set.of()));
        while (!todo.isEmpty()) {
          String id = todo.pop();
          Node n = s.node(id);
          if (n == null || !seen.add(id)) continue;
          for (Ref r : edges(s, n)) if (r.script().equals(s.id())) todo.push(r.node());
        }
        for (Node n : s.nodes()) {
          if (n != null && n.id() != null && !seen.contains(n.id())) {
            node(s, n, "no path leads to this node, neither from the start ('" + s.startNode() + "') nor from a goto");
          }
        }
      }
    }

    /**
     * Nodes from which no handoff and no end can be reached. A missing reference counts as an
     * ending here: it is reported on its own, and the engine hands such a chat to a person.
     */
    void checkEndings() {
      Map<Ref, List<Ref>> back = new HashMap<>();
      Deque<Ref> todo = new ArrayDeque<>();
      for (Script s : scripts.values()) {
        for (Node n : s.nodes()) {
          if (n == null || n.id() == null) continue;
          Ref me = new Ref(s.id(), n.id());
          List<Ref> out = edges(s, n);
          boolean dangling = n instanceof Node.Handoff || n instanceof Node.End || out.isEmpty();
          for (Ref r : out) {
            if (at(r) == null) dangling = true;
            back.computeIfAbsent(r, k -> new ArrayList<>()).add(me);
          }
          if (dangling) todo.add(me);
        }
      }
      Set<Ref> ends = new HashSet<>();
      while (!todo.isEmpty()) {
        Ref r = todo.pop();
        if (!ends.add(r)) continue;
        todo.addAll(back.getOrDefault(r, List.of()));
      }
      // Name only where the family walks into the circle, not every node of it.
      for (Script s : scripts.values()) {
        for (Node n : s.nodes()) {
          if (n == null || n.id() == null) continue;
          Ref me = new Ref(s.id(), n.id());
          if (ends.contains(me)) continue;
          boolean entry = entries.getOrDefault(s.id(), Set.of()).contains(n.id());
          for (Ref from : back.getOrDefault(me, List.of())) if (ends.contains(from)) entry = true;
          if (entry) node(s, n, "from this node the conversation can never reach a handoff or an end: it goes round in circles");
        }
      }
    }

    /** Cycles of nodes that move on by themselves (say, branch, goto): the engine would loop. */
    void checkAutoLoops() {
      Set<Set<Ref>> normal = loops(false);
      for (Set<Ref> loop : normal) reportLoop(loop, "these nodes pass to each other without waiting for the family, for ever: ");
      for (Set<Ref> loop : loops(true)) {
        if (normal.contains(loop)) continue;
        reportLoop(loop, "in a crisis the engine skips small talk, and then these nodes pass to each other without waiting for the family, for ever: ");
      }
    }

    /**
     * Runs of nodes that move on by themselves longer than the engine follows in one step
     * ({@link Engine#MAX_AUTO_STEPS}, counting the node it stops at): there the engine gives
     * up and hands the family to a person. Named once per script, where its longest run starts.
     * Loops are left to {@link #checkAutoLoops}. Iterative: a run may be as long as the script.
     */
    void checkAutoRuns() {
      Map<Ref, Integer> steps = new HashMap<>();
      Set<Ref> open = new HashSet<>();
      for (Script s : scripts.values()) {
        Ref best = null;
        for (Node n : s.nodes()) {
          if (n == null || n.id() == null) continue;
          Ref r = new Ref(s.id(), n.id());
          int k = steps(r, steps, open);
          if (k > Engine.MAX_AUTO_STEPS && (best == null || k > steps.get(best))) best = r;
        }
        if (best != null) {
          int k = steps.get(best);
          node(s, s.node(best.node()), "from here the conversation moves on by itself through " + (k - 1)
              + " nodes (say, branch, goto) without waiting for the family; the bot follows at most " + (Engine.MAX_AUTO_STEPS - 1)
              + " in a row and then hands the family to a person: put a question or a listen in between");
        }
      }
    }

    /** How many nodes the engine takes, entering at {@code start}, until one waits or ends (memoised in {@code steps}). */
    int steps(Ref start, Map<Ref, Integer> steps, Set<Ref> open) {
      Integer known = steps.get(start);
      if (known != null) return known;
      Deque<Ref> todo = new ArrayDeque<>();
      todo.push(start);
      while (!todo.isEmpty()) {
        Ref r = todo.peek();
        if (steps.containsKey(r)) {
          todo.pop();
          continue;
        }
        Node n = at(r);
        boolean auto = n instanceof Node.Say || n instanceof Node.Branch || n instanceof Node.Goto;
        if (!auto) {
          steps.put(r, 1);
          todo.pop();
          continue;
        }
        List<Ref> out = edges(scripts.get(r.script()), n);
        if (open.add(r)) {
          for (Ref w : out) if (!steps.containsKey(w) && !open.contains(w)) todo.push(w);
          continue;
        }
        int most = 0;
        for (Ref w : out) most = Math.max(most, steps.getOrDefault(w, 0)); // 0: a loop, reported on its own
        steps.put(r, 1 + most);
        open.remove(r);
        todo.pop();
      }
      return steps.get(start);
    }

    void reportLoop(Set<Ref> loop, String message) {
      List<String> names = new ArrayList<>();
      for (Ref r : loop) names.add(r.script() + "/" + r.node());
      Ref first = loop.iterator().next();
      Script s = scripts.get(first.script());
      Set<String> about = new HashSet<>();
      for (Ref r : loop) about.add(r.script());
      about.remove(first.script());
      nodeAbout(s, s.node(first.node()), about.isEmpty() ? null : about.iterator().next(), message + String.join(", ", names));
    }

    /** Strongly connected groups of auto-advancing nodes (Tarjan); graphs are small. */
    Set<Set<Ref>> loops(boolean crisis) {
      Map<Ref, List<Ref>> graph = new LinkedHashMap<>();
      for (Script s : scripts.values()) {
        for (Node n : s.nodes()) {
          if (n == null || n.id() == null) continue;
          boolean auto = n instanceof Node.Say || n instanceof Node.Branch || n instanceof Node.Goto;
          boolean skipped = crisis && n.technique() == Technique.SMALL_TALK && (n instanceof Node.Ask || n instanceof Node.Listen);
          if (!auto && !skipped) continue;
          List<Ref> out;
          if (crisis && n.technique() == Technique.SMALL_TALK && !(n instanceof Node.Branch) && !(n instanceof Node.Goto)) {
            Ref t = skipTarget(s, n);
            out = t == null ? List.of() : List.of(t);
          } else {
            out = edges(s, n);
          }
          graph.put(new Ref(s.id(), n.id()), out);
        }
      }
      Tarjan t = new Tarjan(graph);
      return t.run();
    }

    /** The crisis script must reach its handoff without small talk, and hand off as urgent. */
    void checkCrisis() {
      Script crisis = scripts.get(ScriptBook.CRISIS);
      if (crisis == null || crisis.startNode() == null) return;
      Set<Ref> seen = new HashSet<>();
      Deque<Ref> todo = new ArrayDeque<>();
      todo.add(new Ref(crisis.id(), crisis.startNode()));
      while (!todo.isEmpty()) {
        Ref r = todo.pop();
        Node n = at(r);
        if (n == null || !seen.add(r)) continue;
        Script s = scripts.get(r.script());
        if (n.technique() == Technique.SMALL_TALK) {
          nodeAbout(s, n, ScriptBook.CRISIS, "small talk is reachable in the crisis script before its handoff; in a crisis small talk must not be used");
        }
        if (n instanceof Node.Handoff h) {
          if (h.priority() != Priority.URGENT) {
            nodeAbout(s, n, ScriptBook.CRISIS, "a handoff in the crisis script should have priority: urgent (a chat sent here by a goto is not flagged as a crisis)");
          }
          continue;
        }
        todo.addAll(edges(s, n));
      }
    }

    // ---- folder ----

    void checkFolder() {
      if (!scripts.containsKey(ScriptBook.FIRST_CONTACT)) {
        findings.add(new Finding(new Problem(ScriptBook.FIRST_CONTACT + ".yaml", null, 0, 0,
            "the folder has no '" + ScriptBook.FIRST_CONTACT + "' script: every conversation starts there"), null));
      }
      if (!scripts.containsKey(ScriptBook.CRISIS)) {
        findings.add(new Finding(new Problem(ScriptBook.CRISIS + ".yaml", null, 0, 0,
            "the folder has no '" + ScriptBook.CRISIS + "' script: the engine goes there when a message shows danger"), null));
      }
    }

    /** The direct safety question's texts: known keys, both languages, placeholders that exist, short buttons. */
    void checkAskDirectly() {
      for (Map.Entry<String, Text> e : service.askDirectly().entrySet()) {
        String key = e.getKey();
        if (!DirectQuestion.KEYS.contains(key)) {
          serviceProblem("'ask_directly: " + key + "' is not a text the bot uses; the keys are " + String.join(", ", new java.util.TreeSet<>(DirectQuestion.KEYS)));
          continue;
        }
        for (String lang : LANGUAGES) {
          if (e.getValue() == null || !e.getValue().has(lang)) {
            serviceProblem("the direct-question text '" + key + "' (ask_directly) is missing in " + langName(lang)
                + (lang.equals(Text.DEFAULT_LANG) ? "; the bot's own wording is used" : ""));
            continue;
          }
          String raw = e.getValue().in(lang);
          for (String name : placeholders(raw)) {
            if (!shared.containsKey(name)) serviceProblem("the direct-question text '" + key + "' uses {" + name + "}, which is not a service text");
          }
          boolean button = key.equals(DirectQuestion.YES) || key.equals(DirectQuestion.NO) || key.equals(DirectQuestion.UNSURE);
          int len = raw.codePointCount(0, raw.length());
          if (button && len > MAX_BUTTON_CHARS) {
            serviceProblem("the " + langName(lang) + " button '" + key + "' (ask_directly) is " + len + " characters long; keep buttons to " + MAX_BUTTON_CHARS);
          } else if (len > MAX_TEXT_CHARS) {
            serviceProblem("the " + langName(lang) + " direct-question text '" + key + "' is " + len + " characters long; Telegram allows " + MAX_TEXT_CHARS);
          }
        }
      }
    }

    void serviceProblem(String message) {
      findings.add(new Finding(new Problem(DialogFolder.SERVICE_FILE, null, 0, 0, message), null));
    }

    void checkService() {
      for (Problem p : service.officeHoursProblems()) findings.add(new Finding(p, null));
      for (Map.Entry<String, Text> e : service.service().entrySet()) {
        for (String lang : LANGUAGES) {
          if (e.getValue() == null || !e.getValue().has(lang)) {
            findings.add(new Finding(new Problem(DialogFolder.SERVICE_FILE, null, 0, 0,
                "the service text '" + e.getKey() + "' is missing in " + langName(lang)), null));
          }
        }
      }
      checkAskDirectly();
      for (ServiceTexts.HelpContact c : service.helpContacts()) {
        if (c == null || c.name() == null || c.name().isBlank()) {
          findings.add(new Finding(new Problem(DialogFolder.SERVICE_FILE, null, 0, 0, "a help contact has no 'name'"), null));
        } else if (c.phone() == null && c.whatsapp() == null && c.web() == null) {
          findings.add(new Finding(new Problem(DialogFolder.SERVICE_FILE, null, 0, 0,
              "the help contact '" + c.name() + "' has no phone, whatsapp or web"), null));
        }
      }
    }
  }

  /** Telegram shows about this many characters of a button on a small phone. */
  static final int MAX_BUTTON_CHARS = 30;

  /**
   * Tarjan's strongly connected components; returns those that form a loop. Iterative (an
   * explicit stack of frames): a long chain of say nodes must not exhaust the thread's stack.
   */
  private static final class Tarjan {
    final Map<Ref, List<Ref>> graph;
    final Map<Ref, Integer> index = new HashMap<>();
    final Map<Ref, Integer> low = new HashMap<>();
    final Deque<Ref> stack = new ArrayDeque<>();
    final Set<Ref> onStack = new HashSet<>();
    final Set<Set<Ref>> loops = new LinkedHashSet<>();
    int next;

    /** A node being visited and how far through its edges the visit has got. */
    private static final class Frame {
      final Ref v;
      final List<Ref> out;
      int i;

      Frame(Ref v, List<Ref> out) {
        this.v = v;
        this.out = out;
      }
    }

    Tarjan(Map<Ref, List<Ref>> graph) {
      this.graph = graph;
    }

    Set<Set<Ref>> run() {
      for (Ref r : graph.keySet()) if (!index.containsKey(r)) visit(r);
      return loops;
    }

    void visit(Ref root) {
      Deque<Frame> frames = new ArrayDeque<>();
      frames.push(enter(root));
      while (!frames.isEmpty()) {
        Frame f = frames.peek();
        if (f.i < f.out.size()) {
          Ref w = f.out.get(f.i++);
          if (!graph.containsKey(w)) continue;
          if (!index.containsKey(w)) {
            frames.push(enter(w));
          } else if (onStack.contains(w)) {
            low.put(f.v, Math.min(low.get(f.v), index.get(w)));
          }
          continue;
        }
        frames.pop();
        finish(f.v);
        Frame parent = frames.peek();
        if (parent != null) low.put(parent.v, Math.min(low.get(parent.v), low.get(f.v)));
      }
    }

    private Frame enter(Ref v) {
      index.put(v, next);
      low.put(v, next);
      next++;
      stack.push(v);
      onStack.add(v);
      return new Frame(v, graph.getOrDefault(v, List.of()));
    }

    private void finish(Ref v) {
      if (!low.get(v).equals(index.get(v))) return;
      List<Ref> group = new ArrayList<>();
      Ref w;
      do {
        w = stack.pop();
        onStack.remove(w);
        group.add(w);
      } while (!w.equals(v));
      boolean selfLoop = graph.getOrDefault(v, List.of()).contains(v);
      if (group.size() > 1 || selfLoop) {
        java.util.Collections.reverse(group);
        loops.add(new LinkedHashSet<>(group));
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------

  static String langName(String lang) {
    return switch (lang) {
      case "id" -> "Indonesian ('id')";
      case "en" -> "English ('en')";
      default -> "'" + lang + "'";
    };
  }

  static String num(Double d) {
    return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }

  /** The {@code {name}} placeholders of a text, read the way the engine's interpolator does. */
  static List<String> placeholders(String raw) {
    List<String> out = new ArrayList<>();
    int open = raw.indexOf('{');
    while (open >= 0) {
      int close = raw.indexOf('}', open);
      if (close < 0) break;
      String name = raw.substring(open + 1, close);
      if (Interpolator.isName(name)) out.add(name);
      open = raw.indexOf('{', close + 1);
    }
    return out;
  }
}
