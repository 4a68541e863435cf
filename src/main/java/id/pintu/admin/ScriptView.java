package id.pintu.admin;

import id.pintu.dialog.Script;
import id.pintu.store.ScriptVersionStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scripts as JSON-ready maps, the same for the admin API and the console's script editor. */
public final class ScriptView {
  private ScriptView() {}

  /** Every live script: id, version, title, and who published it when, with what comment. */
  public static List<Map<String, Object>> list(ScriptLibrary library) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Script s : library.current().scripts().values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.id());
      m.put("version", s.version());
      m.put("title", s.title() == null ? null : s.title().byLang());
      ScriptVersionStore.Version v = library.newest().get(s.id());
      if (v != null) {
        m.put("published_by", v.publishedBy());
        m.put("published_at", v.publishedAt().toString());
        m.put("comment", v.comment());
      }
      out.add(m);
    }
    return out;
  }

  /** The live version's YAML and the script's history, or null when there is no such script. */
  public static Map<String, Object> read(ScriptLibrary library, String id) throws SQLException {
    List<ScriptVersionStore.Version> history = library.history(id);
    if (history.isEmpty()) return null;
    ScriptVersionStore.Version now = library.newest().getOrDefault(id, history.get(0));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("version", now.version());
    m.put("yaml", now.yaml());
    List<Map<String, Object>> h = new ArrayList<>();
    for (ScriptVersionStore.Version v : history) h.add(version(v));
    m.put("history", h);
    return m;
  }

  private static Map<String, Object> version(ScriptVersionStore.Version v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", v.version());
    m.put("published_by", v.publishedBy());
    m.put("published_at", v.publishedAt().toString());
    m.put("comment", v.comment());
    return m;
  }
}
