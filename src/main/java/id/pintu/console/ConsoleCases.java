package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.admin.AdminAuth;
import id.pintu.store.CaseSearch;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.TranscriptStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Cases for supervisors: a searchable list and one case in full. Every look is written to the audit log. */
public final class ConsoleCases {
  private static final int PAGE = 50;
  private final CaseSearch search;
  private final CaseStore cases;
  private final TranscriptStore transcript;
  private final DeskStore desk;
  private final ObjectMapper json = new ObjectMapper();
  private final java.util.function.Supplier<id.pintu.dialog.ScriptBook> scripts;

  public ConsoleCases(Database db, java.util.function.Supplier<id.pintu.dialog.ScriptBook> scripts) {
    this.scripts = scripts;
    this.search = new CaseSearch(db);
    this.cases = new CaseStore(db);
    this.transcript = new TranscriptStore(db);
    this.desk = new DeskStore(db);
  }

  void mount(Router router, ConsoleServer c) {
    String api = ConsoleServer.BASE + "/api";
    router.get(api + "/cases").handler(c.role(AdminAuth.Role.SUPERVISOR)).blockingHandler(ctx -> list(ctx, c), false);
    router.get(api + "/cases/:id").handler(c.role(AdminAuth.Role.SUPERVISOR)).blockingHandler(ctx -> show(ctx, c), false);
  }

  private void list(RoutingContext ctx, ConsoleServer c) {
    var q = ctx.queryParams();
    int offset;
    try {
      offset = q.get("offset") == null ? 0 : Math.max(0, Integer.parseInt(q.get("offset")));
    } catch (NumberFormatException e) {
      ConsoleServer.error(ctx, 400, "offset is a number");
      return;
    }
    try {
      CaseSearch.Page page = search.find(q.get("q"), q.get("status"), q.get("flag"), PAGE, offset);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CaseStore.Row r : page.rows()) rows.add(summary(r));
      // The search words may be a name or a place: the log says that a search ran, not what for.
      c.auditQuietly(ConsoleServer.caller(ctx).name(), "console.case.list", page.total() + " found" + (q.get("q") == null ? "" : ", with search words"));
      c.ok(ctx, Map.of("total", page.total(), "offset", offset, "cases", rows));
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  private void show(RoutingContext ctx, ConsoleServer c) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      ConsoleServer.error(ctx, 400, "a case number is a number");
      return;
    }
    try {
      c.auditQuietly(ConsoleServer.caller(ctx).name(), "console.case.read", "case " + id);
      Optional<CaseStore.Row> found = cases.find(id);
      if (found.isEmpty()) {
        ConsoleServer.error(ctx, 404, "no case " + id);
        return;
      }
      CaseStore.Row r = found.get();
      Map<String, Object> m = summary(r);
      m.put("intake", tree(r.intake()));
      m.put("intake_labels", labels());
      m.put("story", tree(r.story()));
      m.put("evidence", tree(r.flags()) == null ? null : tree(r.flags()).get("evidence"));
      m.put("handoff_reason", r.handoffReason());
      List<Map<String, Object>> t = new ArrayList<>();
      for (TranscriptStore.Row x : transcript.forCase(id)) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("at", x.at().toString());
        e.put("direction", x.direction());
        e.put("kind", x.kind());
        e.put("text", x.text());
        t.add(e);
      }
      m.put("transcript", t);
      List<Map<String, Object>> notes = new ArrayList<>();
      for (CaseSearch.Note n : search.notes(id)) {
        notes.add(Map.of("at", n.at().toString(), "author", n.authorUserId(), "text", n.text()));
      }
      m.put("notes", notes);
      List<Map<String, Object>> h = new ArrayList<>();
      event(h, r.openedAt(), "opened", r.scriptId());
      event(h, r.handedOffAt(), "handed_off", r.handoffReason());
      for (DeskStore.Event e : desk.events(id)) event(h, e.at(), e.action(), (e.actorAlias() == null ? "" : e.actorAlias() + ": ") + (e.detail() == null ? "" : e.detail()));
      event(h, r.closedAt(), "closed", r.outcome());
      for (CaseStore.Row other : cases.forChat(r.chatId())) {
        if (other.id() != r.id()) event(h, other.openedAt(), "other_case", "#" + other.id() + " (" + other.status() + ")");
      }
      h.sort((a, b) -> ((String) a.get("at")).compareTo((String) b.get("at")));
      m.put("history", h);
      c.ok(ctx, m);
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  /** Each intake field's label from whichever script declares it (newest versions). */
  private Map<String, Object> labels() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (id.pintu.dialog.Script s : scripts.get().scripts().values()) {
      s.fields().forEach((name, spec) -> {
        if (spec != null && spec.label() != null) out.putIfAbsent(name, spec.label().byLang());
      });
    }
    return out;
  }

  private static void event(List<Map<String, Object>> h, Instant at, String what, String detail) {
    if (at == null) return;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("event", what);
    m.put("detail", detail);
    h.add(m);
  }

  private Map<String, Object> summary(CaseStore.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("status", r.status());
    m.put("queue", r.queue());
    m.put("priority", r.priority());
    m.put("lang", r.lang());
    m.put("script_id", r.scriptId());
    JsonNode f = tree(r.flags());
    List<String> flags = new ArrayList<>();
    if (f != null && f.get("flags") != null) f.get("flags").forEach(x -> flags.add(x.asText()));
    m.put("flags", flags);
    JsonNode intake = tree(r.intake());
    m.put("name", intake == null || intake.get("name") == null ? null : intake.get("name").asText());
    m.put("opened_at", str(r.openedAt()));
    m.put("handed_off_at", str(r.handedOffAt()));
    m.put("closed_at", str(r.closedAt()));
    m.put("outcome", r.outcome());
    return m;
  }

  private JsonNode tree(String s) {
    if (s == null) return null;
    try {
      return json.readTree(s);
    } catch (Exception e) {
      return null;
    }
  }

  private static String str(Instant i) {
    return i == null ? null : i.toString();
  }
}
