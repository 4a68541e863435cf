package id.pintu.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.conversation.ScriptBooks;
import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Problem;
import id.pintu.dialog.Script;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.ScriptParser;
import id.pintu.dialog.ScriptValidator;
import id.pintu.dialog.ServiceTexts;
import id.pintu.store.AuditLog;
import id.pintu.store.Database;
import id.pintu.store.ScriptVersionStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published scripts. Every version ever published is kept in the store; the newest
 * version of each script serves new conversations, and a conversation keeps the versions it
 * is pinned to ({@link #book(Connection, Map)}).
 *
 * <p>The {@code dialogs/} folder is the admins' other way in: on start and whenever a file
 * changes, a file that differs from the newest stored version is validated against the
 * others and published as a new version (by {@code "file"}). An invalid edit is not
 * published: the last good version keeps running, the problems are logged and handed to
 * the {@link InvalidEdit} hook. A version published over the API is written back to its
 * file, so the folder and the store agree.
 */
public final class ScriptLibrary implements ScriptBooks {
  private static final Logger LOG = LoggerFactory.getLogger(ScriptLibrary.class);
  public static final String BY_FILE = "file";
  /** The id {@code dialogs/service.yaml} is versioned under, next to the scripts (no script can have it: its file is the service file). */
  public static final String SERVICE_ID = "service";

  /** Told when an edit in the dialogs folder was refused (e.g. to announce it in the staff chat), and when one was published. */
  @FunctionalInterface
  public interface InvalidEdit {
    /** {@code content} is the refused text of {@code file} (to tell a repeat from a new edit). */
    void refused(String file, String content, List<Problem> problems);

    /** A changed file was published in {@code version} (service.yaml is versioned as {@link #SERVICE_ID}). */
    default void published(String file, int version) {}
  }

  /** The outcome of a publish: the new version, or the problems that stopped it. */
  public record Outcome(int version, List<Problem> problems) {
    public boolean published() {
      return problems.isEmpty();
    }
  }

  private record Key(String id, int version) {}

  private final Database db;
  private final ScriptVersionStore store;
  private final AuditLog audit;
  private final Path dir;
  private final Clock clock;
  private final Cache<Key, Script> parsed = Caffeine.newBuilder().maximumSize(500).build();
  private volatile ScriptBook current = new ScriptBook(Map.of(), Map.of());
  private volatile ServiceTexts service = new ServiceTexts(Map.of(), List.of(), List.of());
  private volatile String serviceYaml;
  private volatile ScriptVersionStore.Version serviceVersion;
  private volatile Map<String, ScriptVersionStore.Version> newest = Map.of();
  private volatile String fingerprint = "";
  private volatile InvalidEdit onInvalidEdit = (file, content, problems) -> {};

  private ScriptLibrary(Database db, Path dir, Clock clock) {
    this.db = db;
    this.store = new ScriptVersionStore(db);
    this.audit = new AuditLog(db);
    this.dir = dir;
    this.clock = clock;
  }

  /** Loads the published versions, then publishes what changed in the folder. */
  public static ScriptLibrary open(Database db, Path dir, Clock clock) throws SQLException {
    return open(db, dir, clock, null);
  }

  /** The same, with the hook already told about the folder's first check. */
  public static ScriptLibrary open(Database db, Path dir, Clock clock, InvalidEdit hook) throws SQLException {
    ScriptLibrary lib = new ScriptLibrary(db, dir, clock);
    lib.onInvalidEdit(hook);
    lib.loadStored();
    lib.sync(true);
    return lib;
  }

  public void onInvalidEdit(InvalidEdit hook) {
    onInvalidEdit = hook == null ? (f, c, p) -> {} : hook;
  }

  /** The newest version of every script: what a conversation starting now runs on. */
  public ScriptBook current() {
    return current;
  }

  public ServiceTexts service() {
    return service;
  }

  /** The newest stored version of {@code service.yaml}, if it was ever published. */
  public Optional<ScriptVersionStore.Version> serviceVersion() {
    return Optional.ofNullable(serviceVersion);
  }

  /** The newest stored version of each script (with who published it, when and why). */
  public Map<String, ScriptVersionStore.Version> newest() {
    return newest;
  }

  public List<ScriptVersionStore.Version> history(String id) throws SQLException {
    return store.history(id);
  }

  public Optional<ScriptVersionStore.Version> version(String id, int version) throws SQLException {
    return store.find(id, version);
  }

  /** The book for a conversation pinned to these versions; scripts not pinned come in their newest version. */
  @Override
  public ScriptBook book(Connection c, Map<String, Integer> pins) throws SQLException {
    ScriptBook now = current;
    if (pins == null || pins.isEmpty()) return now;
    Map<String, Script> scripts = null;
    for (Map.Entry<String, Integer> pin : pins.entrySet()) {
      Script cur = now.script(pin.getKey());
      if (cur != null && cur.version() == pin.getValue()) continue;
      Script old = load(c, pin.getKey(), pin.getValue());
      if (old == null) continue;
      if (scripts == null) scripts = new LinkedHashMap<>(now.scripts());
      scripts.put(old.id(), old);
    }
    return scripts == null ? now : new ScriptBook(scripts, now.shared());
  }

  /** Script {@code id} as published in {@code version}, or null if there is no such (readable) version. */
  public Script script(String id, int version) throws SQLException {
    try (Connection c = db.connection()) {
      return load(c, id, version);
    }
  }

  private Script load(Connection c, String id, int version) throws SQLException {
    Key k = new Key(id, version);
    Script s = parsed.getIfPresent(k);
    if (s != null) return s;
    Optional<ScriptVersionStore.Version> v = store.find(c, id, version);
    if (v.isEmpty()) {
      LOG.warn("script {} version {} is not in the store; using the newest", id, version);
      return null;
    }
    s = parse(v.get());
    if (s != null) parsed.put(k, s);
    return s;
  }

  private static Script parse(ScriptVersionStore.Version v) {
    ScriptParser.Result r = ScriptParser.parse(v.yaml());
    if (r instanceof ScriptParser.Result.Ok ok) {
      Script s = ok.script();
      return new Script(v.scriptId(), v.version(), s.title(), s.start(), s.fields(), s.nodes());
    }
    LOG.error("stored script {} version {} no longer parses", v.scriptId(), v.version());
    return null;
  }

  /** Checks a script's YAML as if it were published now, against the newest versions of the others. */
  public List<Problem> validate(String id, String yaml) {
    if (SERVICE_ID.equals(id)) return validateService(yaml);
    List<Problem> problems;
    try {
      problems = new ArrayList<>(ScriptValidator.validateOne(id + ".yaml", yaml, current.scripts(), service));
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("{}.yaml could not be checked ({}): refused", id, e.toString());
      return List.of(unchecked(id + ".yaml", e));
    }
    if (problems.isEmpty() && !"".equals(id)) {
      ScriptParser.Result r = ScriptParser.parse(yaml);
      if (r instanceof ScriptParser.Result.Ok ok && ok.script().id() != null && !ok.script().id().equals(id)) {
        problems.add(new Problem(id + ".yaml", null, 0, 0, "the script says id '" + ok.script().id() + "' but is published as '" + id + "'"));
      }
    }
    return problems;
  }

  /** Publishes {@code yaml} as the next version of script {@code id}, only if it validates. */
  public synchronized Outcome publish(String id, String yaml, String by, String comment) throws SQLException {
    return publish(id, yaml, by, comment, "script.publish");
  }

  /**
   * Checks {@code service.yaml} as the folder check does: it must read, its office hours must
   * be valid, and the scripts must still validate with it (problems they already had are not its fault).
   */
  public List<Problem> validateService(String yaml) {
    ServiceTexts svc;
    try {
      svc = ServiceTexts.parse(yaml);
    } catch (IOException e) {
      return List.of(ServiceTexts.unreadable(e));
    }
    Set<String> before = new java.util.HashSet<>();
    for (Problem p : check(Map.of(), service)) before.add(p.toString());
    List<Problem> problems = new ArrayList<>();
    for (Problem p : check(Map.of(), svc)) if (!before.contains(p.toString())) problems.add(p);
    return problems;
  }

  private Outcome publish(String id, String yaml, String by, String comment, String action) throws SQLException {
    List<Problem> problems = validate(id, yaml);
    if (!problems.isEmpty()) {
      audit.add(by, action + ".refused", id + ": " + problems.size() + " problems", clock.instant());
      return new Outcome(0, problems);
    }
    ScriptVersionStore.Version v = store(id, yaml, by, comment, action);
    writeBack(id, yaml);
    tellPublished(id + ".yaml", v.version()); // the file now holds this version: an earlier refused edit of it is gone
    return new Outcome(v.version(), List.of());
  }

  /** Publishes an old version's YAML again, as a new version. Empty when there is no such version. */
  public synchronized Optional<Outcome> rollback(String id, int version, String by) throws SQLException {
    Optional<ScriptVersionStore.Version> old = store.find(id, version);
    if (old.isEmpty()) return Optional.empty();
    return Optional.of(publish(id, old.get().yaml(), by, "rollback to version " + version, "script.rollback"));
  }

  private ScriptVersionStore.Version store(String id, String yaml, String by, String comment, String action) throws SQLException {
    Instant now = clock.instant();
    ScriptVersionStore.Version v = db.inTransaction(c -> {
      if (BY_FILE.equals(by)) {
        // Several nodes reading the same changed folder: the first publishes, the rest find it done.
        store.lockPublishing(c);
        Optional<ScriptVersionStore.Version> same = newestStored(c, id).filter(n -> n.yaml().equals(yaml));
        if (same.isPresent()) return same.get();
      }
      int n = store.add(c, id, yaml, by, comment, now);
      audit.add(c, by, action, id + " v" + n + ("script.rollback".equals(action) ? " (" + comment + ")" : ""), now);
      return new ScriptVersionStore.Version(id, n, yaml, by, now, comment);
    });
    if (SERVICE_ID.equals(id)) installService(v);
    else install(v);
    LOG.info("script {} version {} published by {}", id, v.version(), by);
    return v;
  }

  private void install(ScriptVersionStore.Version v) {
    Script s = parse(v);
    if (s == null) return;
    parsed.put(new Key(v.scriptId(), v.version()), s);
    Map<String, Script> scripts = new LinkedHashMap<>(current.scripts());
    scripts.put(s.id(), s);
    current = new ScriptBook(scripts, service.placeholders());
    Map<String, ScriptVersionStore.Version> n = new LinkedHashMap<>(newest);
    n.put(v.scriptId(), v);
    newest = Map.copyOf(n);
  }

  /** The service texts of a stored version go live: new placeholders for every script. */
  private void installService(ScriptVersionStore.Version v) {
    ServiceTexts svc;
    try {
      svc = ServiceTexts.parse(v.yaml());
    } catch (IOException e) {
      LOG.error("stored service.yaml version {} no longer reads", v.version());
      return;
    }
    service = svc;
    serviceYaml = v.yaml();
    serviceVersion = v;
    current = new ScriptBook(current.scripts(), svc.placeholders());
  }

  private Optional<ScriptVersionStore.Version> newestStored(Connection c, String id) throws SQLException {
    Integer n = store.newestNumbers().get(id);
    return n == null ? Optional.empty() : store.find(c, id, n);
  }

  /**
   * Installs versions another node published since we last looked (several nodes share the
   * store) and writes them to this node's dialogs folder, so every folder follows the store.
   * One small query when nothing changed.
   */
  public synchronized void refresh() {
    try {
      for (Map.Entry<String, Integer> e : store.newestNumbers().entrySet()) {
        boolean isService = SERVICE_ID.equals(e.getKey());
        ScriptVersionStore.Version known = isService ? serviceVersion : newest.get(e.getKey());
        if (known != null && known.version() >= e.getValue()) continue;
        Optional<ScriptVersionStore.Version> v = store.find(e.getKey(), e.getValue());
        if (v.isEmpty()) continue;
        if (isService) installService(v.get());
        else install(v.get());
        writeBack(v.get().scriptId(), v.get().yaml());
        LOG.info("script {} version {} published on another node: installed", e.getKey(), e.getValue());
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not look for newly published scripts: {}", e.toString());
    }
  }

  private void loadStored() throws SQLException {
    for (ScriptVersionStore.Version v : store.newest()) {
      if (SERVICE_ID.equals(v.scriptId())) installService(v);
      else install(v);
    }
  }

  /** The folder keeps the published scripts: a version published over the API is written to its file. */
  private void writeBack(String id, String yaml) {
    if (!Files.isDirectory(dir)) return;
    Path file = dir.resolve(id + ".yaml");
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(yaml)) return;
      Path tmp = Files.createTempFile(dir, "." + id, ".tmp");
      Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      fingerprint = fingerprint(); // our own write is not an admin's edit
    } catch (IOException | RuntimeException e) {
      LOG.warn("published {} but could not write it to {} ({}): the file there is older than the published version", id, file, e.toString());
    }
  }

  // ---- the dialogs folder -----------------------------------------------------------------

  /** Polls the folder every {@code seconds}; a change is validated and published. */
  public void watch(ScheduledExecutorService timers, long seconds) {
    long s = Math.max(1, seconds);
    timers.scheduleWithFixedDelay(this::checkFolder, s, s, TimeUnit.SECONDS);
  }

  /** Publishes the folder's changes if any file changed since the last look. */
  public void checkFolder() {
    try {
      if (fingerprint().equals(fingerprint)) return;
      sync();
    } catch (Throwable e) {
      // Anything thrown out of a scheduled task cancels it for good, silently: the folder would
      // never be looked at again. Say it and look again next time.
      LOG.warn("dialogs folder check failed, trying again in a moment: {}", e.toString());
    }
  }

  /**
   * Reads the folder; every script file that differs from its newest stored version is
   * validated together with the rest and published if it is valid. Files with problems are
   * left out (the last good version keeps running) and reported.
   */
  public synchronized void sync() throws SQLException {
    sync(false);
  }

  private synchronized void sync(boolean starting) throws SQLException {
    String fp = fingerprint();
    if (!Files.isDirectory(dir)) {
      fingerprint = fp;
      return;
    }
    Map<String, String> changed = new LinkedHashMap<>(); // file name -> yaml
    String svcYaml = null;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(ScriptLibrary::isYaml).sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.equals(DialogFolder.LEXICON_FILE)) continue;
        String text;
        try {
          text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
          LOG.warn("cannot read {}: {}", p, e.getMessage());
          continue;
        }
        if (name.equals(DialogFolder.SERVICE_FILE)) {
          svcYaml = text;
          continue;
        }
        String id = name.replaceFirst("\\.ya?ml$", "");
        ScriptVersionStore.Version v = newest.get(id);
        if (v == null || !v.yaml().equals(text)) changed.put(name, text);
      }
    } catch (IOException e) {
      LOG.warn("cannot list {}: {}", dir, e.getMessage());
      return;
    }
    fingerprint = fp;

    ServiceTexts svc = service;
    boolean svcChanged = svcYaml != null && !svcYaml.equals(serviceYaml);
    if (svcChanged) {
      try {
        svc = ServiceTexts.parse(svcYaml);
      } catch (IOException e) {
        refuse(DialogFolder.SERVICE_FILE, svcYaml, List.of(ServiceTexts.unreadable(e)), starting);
        svcChanged = false;
      }
    }
    if (changed.isEmpty() && !svcChanged) return;

    // Validate the changed files together with the newest versions of the others; drop the
    // files with problems until what is left validates. Problems the running set already had
    // are not the edit's fault.
    Set<String> before = new java.util.HashSet<>();
    for (Problem p : check(Map.of(), service)) before.add(p.toString());
    Map<String, String> accepted = new LinkedHashMap<>(changed);
    Map<String, List<Problem>> refused = new LinkedHashMap<>();
    while (!accepted.isEmpty() || svcChanged) {
      Set<String> bad = new LinkedHashSet<>();
      List<Problem> caused = new ArrayList<>();
      for (Problem p : check(accepted, svc)) {
        if (before.contains(p.toString())) continue;
        String file = p.file();
        if (file != null && accepted.containsKey(file)) {
          bad.add(file);
          refused.computeIfAbsent(file, f -> new ArrayList<>()).add(p);
        } else if (svcChanged && DialogFolder.SERVICE_FILE.equals(file)) {
          bad.add(file);
          refused.computeIfAbsent(file, f -> new ArrayList<>()).add(p);
        } else {
          caused.add(p);
        }
      }
      if (bad.isEmpty() && !caused.isEmpty()) {
        // A problem in an unchanged script caused by the changes (e.g. a deleted node another script goes to).
        for (String f : accepted.keySet()) refused.computeIfAbsent(f, x -> new ArrayList<>()).addAll(caused);
        if (svcChanged) refused.computeIfAbsent(DialogFolder.SERVICE_FILE, x -> new ArrayList<>()).addAll(caused);
        accepted.clear();
        svcChanged = false;
        break;
      }
      if (bad.isEmpty()) break;
      bad.forEach(accepted::remove);
      if (bad.contains(DialogFolder.SERVICE_FILE)) {
        svcChanged = false;
        svc = service;
      }
    }
    String refusedSvc = svcYaml;
    refused.forEach((file, problems) -> refuse(file, DialogFolder.SERVICE_FILE.equals(file) ? refusedSvc : changed.get(file), problems, starting));

    if (svcChanged) {
      // Versioned like a script: who (the file), when, and the way back.
      ScriptVersionStore.Version v = store(SERVICE_ID, svcYaml, BY_FILE, "from " + dir.resolve(DialogFolder.SERVICE_FILE), "script.publish");
      LOG.info("service texts reloaded from {} (version {})", DialogFolder.SERVICE_FILE, v.version());
      tellPublished(DialogFolder.SERVICE_FILE, v.version());
    } else if (serviceYaml == null && svcYaml != null && !refused.containsKey(DialogFolder.SERVICE_FILE)) {
      serviceYaml = svcYaml;
    }
    for (Map.Entry<String, String> e : accepted.entrySet()) {
      String id = e.getKey().replaceFirst("\\.ya?ml$", "");
      ScriptVersionStore.Version v = store(id, e.getValue(), BY_FILE, "from " + dir.resolve(e.getKey()), "script.publish");
      tellPublished(e.getKey(), v.version());
    }
  }

  private void tellPublished(String file, int version) {
    try {
      onInvalidEdit.published(file, version);
    } catch (RuntimeException e) {
      LOG.warn("invalid-edit hook failed: {}", e.toString());
    }
  }

  /**
   * Problems of the newest scripts with {@code edits} (file name to YAML) applied, under
   * {@code svc}. Never throws: when the checks fail on the edits together, each edit is
   * checked alone, and the one the checks fail on gets that as its problem (so one bad file
   * cannot keep the others out, nor stop the watcher or the start).
   */
  private List<Problem> check(Map<String, String> edits, ServiceTexts svc) {
    try {
      return checkTogether(edits, svc);
    } catch (RuntimeException | StackOverflowError e) {
      if (edits.isEmpty()) {
        // Only the service texts may be new here: they are what the checks failed on.
        if (svc != service) return List.of(unchecked(DialogFolder.SERVICE_FILE, e));
        LOG.warn("the published scripts could not be checked ({})", e.toString());
        return List.of();
      }
      List<Problem> problems = new ArrayList<>();
      for (Map.Entry<String, String> edit : edits.entrySet()) {
        try {
          checkTogether(Map.of(edit.getKey(), edit.getValue()), svc);
        } catch (RuntimeException | StackOverflowError alone) {
          problems.add(unchecked(edit.getKey(), alone));
        }
      }
      if (problems.isEmpty()) for (String file : edits.keySet()) problems.add(unchecked(file, e));
      return problems;
    }
  }

  /** The problem said when the checks themselves failed on a file (a bug of ours, not the admin's). */
  private static Problem unchecked(String file, Throwable e) {
    return new Problem(file, null, 0, 0, "the checks could not finish on this file (" + e.getClass().getSimpleName()
        + "), so it is not published; please report it, with the file, to whoever maintains Pintu");
  }

  private List<Problem> checkTogether(Map<String, String> edits, ServiceTexts svc) {
    Map<String, Script> scripts = new LinkedHashMap<>(current.scripts());
    Map<String, String> files = new LinkedHashMap<>();
    scripts.keySet().forEach(id -> files.put(id, id + ".yaml"));
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : edits.entrySet()) {
      Map<String, Script> one = new LinkedHashMap<>();
      Map<String, String> oneFile = new LinkedHashMap<>();
      DialogFolder.readOne(e.getKey(), e.getValue(), one, oneFile, problems);
      one.forEach((id, sc) -> {
        scripts.put(id, sc);
        files.put(id, e.getKey());
      });
    }
    problems.addAll(ScriptValidator.validate(new DialogFolder.Contents(scripts, files, svc, List.of()), edits));
    return problems;
  }

  private void refuse(String file, String content, List<Problem> problems) {
    refuse(file, content, problems, false);
  }

  /** One WARN line: which file, what keeps running instead, and why (the first few problems). */
  private void refuse(String file, String content, List<Problem> problems, boolean starting) {
    String id = file.replaceFirst("\\.ya?ml$", "");
    ScriptVersionStore.Version running = DialogFolder.SERVICE_FILE.equals(file) ? serviceVersion : newest.get(id);
    String instead = running != null
        ? (starting ? "starting with its last published version " : "its last published version ") + running.version()
            + (starting ? " from the store" : " keeps running")
        : "it has no published version, so it is left out";
    List<String> why = problems.stream().limit(MAX_LOGGED_PROBLEMS).map(Problem::toString).map(ScriptLibrary::oneLine).toList();
    String more = problems.size() > MAX_LOGGED_PROBLEMS
        ? "; and " + (problems.size() - MAX_LOGGED_PROBLEMS) + " more ('pintu validate' lists them all)" : "";
    LOG.warn("{} refused ({} problem{}); {}: {}{}", dir.resolve(file), problems.size(), problems.size() == 1 ? "" : "s", instead,
        String.join("; ", why), more);
    try {
      onInvalidEdit.refused(file, content == null ? "" : content, List.copyOf(problems));
    } catch (RuntimeException e) {
      LOG.warn("invalid-edit hook failed: {}", e.toString());
    }
  }

  private static final int MAX_LOGGED_PROBLEMS = 5;

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
  }

  /** Names, sizes, modification times and a hash of the contents of the folder's YAML files. */
  private String fingerprint() {
    if (!Files.isDirectory(dir)) return "";
    StringBuilder b = new StringBuilder();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(ScriptLibrary::isYaml).sorted().toList()) {
        b.append(p.getFileName()).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis())
            .append(':').append(java.util.Arrays.hashCode(Files.readAllBytes(p))).append(';');
      }
    } catch (IOException e) {
      return "unreadable";
    }
    return b.toString();
  }
}
