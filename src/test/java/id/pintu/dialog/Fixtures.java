package id.pintu.dialog;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The engine test fixtures under {@code src/test/resources/engine/}. */
public final class Fixtures {
  private Fixtures() {}

  public static final Path DIR = Path.of("src/test/resources/engine");

  private static ScriptBook book;

  public static synchronized ScriptBook book() {
    if (book == null) book = read(DIR);
    return book;
  }

  /** Reads a dialogs folder and fails loudly if any file has a problem. */
  public static ScriptBook read(Path dir) {
    DialogFolder.Contents c = DialogFolder.read(dir);
    if (!c.problems().isEmpty()) throw new IllegalStateException("fixture problems: " + c.problems());
    return c.book();
  }

  /** The fixture book with some scripts replaced or added, parsed from YAML text. */
  public static ScriptBook with(String... yamls) {
    Map<String, Script> scripts = new HashMap<>(book().scripts());
    for (String y : yamls) {
      ScriptParser.Result r = ScriptParser.parse(y);
      if (!(r instanceof ScriptParser.Result.Ok ok)) throw new IllegalArgumentException(r.toString());
      scripts.put(ok.script().id(), ok.script());
    }
    return new ScriptBook(scripts, book().shared());
  }

  /** The help contacts as the family sees them, in {@code lang}. */
  public static String helpContacts(String lang) {
    return book().shared().get("help_contacts").in(lang);
  }

  static List<String> allScripts() {
    return List.copyOf(book().scripts().keySet());
  }
}
