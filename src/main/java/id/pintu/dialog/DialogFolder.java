package id.pintu.dialog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the {@code dialogs/} folder: every {@code *.yaml} is a script named after its file,
 * except {@code service.yaml} (service-wide texts) and {@code crisis-lexicon.yaml} (the
 * crisis screen's lexicon). Reading never throws: what cannot be read becomes a problem.
 */
public final class DialogFolder {
  public static final String SERVICE_FILE = "service.yaml";
  public static final String LEXICON_FILE = "crisis-lexicon.yaml";

  private DialogFolder() {}

  /** What was read: the scripts by id with their file names, the service texts, the problems. */
  public record Contents(Map<String, Script> scripts, Map<String, String> files, ServiceTexts service, List<Problem> problems) {
    public ScriptBook book() {
      return new ScriptBook(scripts, service.placeholders());
    }
  }

  public static Contents read(Path dir) {
    Map<String, Script> scripts = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    ServiceTexts service = new ServiceTexts(Map.of(), List.of(), List.of());
    List<Path> paths;
    if (Files.isRegularFile(dir)) {
      paths = List.of(dir);
    } else {
      try (Stream<Path> s = Files.list(dir)) {
        paths = s.filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml")).sorted().toList();
      } catch (IOException e) {
        problems.add(new Problem(dir.toString(), null, 0, 0, "cannot read the folder: " + e.getMessage()));
        return new Contents(scripts, files, service, problems);
      }
      Path svc = dir.resolve(SERVICE_FILE);
      if (Files.isRegularFile(svc)) {
        try {
          service = ServiceTexts.parse(Files.readString(svc, StandardCharsets.UTF_8));
        } catch (IOException e) {
          problems.add(ServiceTexts.unreadable(e));
        }
      }
    }
    for (Path p : paths) {
      String name = p.getFileName().toString();
      if (name.equals(SERVICE_FILE) || name.equals(LEXICON_FILE)) continue;
      String text;
      try {
        text = Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(new Problem(name, null, 0, 0, "cannot read the file: " + e.getMessage()));
        continue;
      }
      readOne(name, text, scripts, files, problems);
    }
    return new Contents(scripts, files, service, problems);
  }

  /** Parses one script's text into {@code scripts}, or adds the problem. */
  public static void readOne(String name, String text, Map<String, Script> scripts, Map<String, String> files, List<Problem> problems) {
    String fileId = name.replaceFirst("\\.ya?ml$", "");
    ScriptParser.Result r = ScriptParser.parse(text);
    if (r instanceof ScriptParser.Result.Failed f) {
      problems.add(new Problem(name, null, f.line(), f.column(), f.message()));
    } else if (r instanceof ScriptParser.Result.Ok ok) {
      Script s = ok.script();
      String id = s.id() == null ? fileId : s.id();
      if (s.id() != null && !s.id().equals(fileId)) {
        problems.add(new Problem(name, null, 0, 0, "the script id '" + s.id() + "' differs from the file name; name the file " + s.id() + ".yaml"));
      }
      if (scripts.containsKey(id)) {
        problems.add(new Problem(name, null, 0, 0, "another file already defines script '" + id + "'"));
        return;
      }
      scripts.put(id, new Script(id, s.version(), s.title(), s.start(), s.fields(), s.nodes()));
      files.put(id, name);
    }
  }

  static String firstLine(String m) {
    if (m == null) return "";
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
