package id.pintu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.store.CaseStore;
import id.pintu.store.TranscriptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A case as JSON-ready maps, the same for the admin API and the console: summary, transcript, history events. */
public final class CaseView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseView() {}

  /** The case's list line: status, queue, flags and times; no intake, story or chat id. */
  public static Map<String, Object> summary(CaseStore.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("status", r.status());
    m.put("queue", r.queue());
    m.put("priority", r.priority());
    m.put("lang", r.lang());
    m.put("script_id", r.scriptId());
    m.put("flags", flags(r));
    m.put("opened_at", str(r.openedAt()));
    m.put("handed_off_at", str(r.handedOffAt()));
    m.put("closed_at", str(r.closedAt()));
    m.put("outcome", r.outcome());
    return m;
  }

  /** The flag names the case carries (crisis, concern, ...). */
  public static List<String> flags(CaseStore.Row r) {
    List<String> out = new ArrayList<>();
    JsonNode n = tree(r.flags());
    if (n != null && n.get("flags") != null) n.get("flags").forEach(x -> out.add(x.asText()));
    return out;
  }

  /** The transcript in order; {@code withFileIds} adds the Telegram file id of pictures and documents. */
  public static List<Map<String, Object>> transcript(List<TranscriptStore.Row> rows, boolean withFileIds) {
    List<Map<String, Object>> t = new ArrayList<>();
    for (TranscriptStore.Row x : rows) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("at", x.at().toString());
      e.put("direction", x.direction());
      e.put("kind", x.kind());
      e.put("text", x.text());
      if (withFileIds && x.fileId() != null) e.put("file_id", x.fileId());
      t.add(e);
    }
    return t;
  }

  /** Adds one line to a case history; nothing when it has not happened ({@code at} null). */
  public static void event(List<Map<String, Object>> h, Instant at, String what, String detail) {
    if (at == null) return;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("event", what);
    m.put("detail", detail);
    h.add(m);
  }

  /** Oldest first (the times are ISO-8601 instants, so text order is time order). */
  public static void sortByTime(List<Map<String, Object>> h) {
    h.sort((a, b) -> ((String) a.get("at")).compareTo((String) b.get("at")));
  }

  /** Stored JSON as a tree, or null when there is none or it does not read. */
  public static JsonNode tree(String s) {
    if (s == null) return null;
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      return null;
    }
  }

  public static String str(Instant i) {
    return i == null ? null : i.toString();
  }
}
