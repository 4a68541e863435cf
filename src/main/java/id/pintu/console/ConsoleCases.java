package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.admin.AdminAuth;
import id.pintu.admin.CaseView;
import id.pintu.store.CaseSearch;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.TranscriptStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
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
      m.put("intake", CaseView.tree(r.intake()));
      m.put("intake_labels", labels());
      m.put("story", CaseView.tree(r.story()));
      m.put("evidence", CaseView.tree(r.flags()) == null ? null : CaseView.tree(r.flags()).get("evidence"));
      m.put("handoff_reason", r.handoffReason());
      m.put("transcript", CaseView.transcript(transcript.forCase(id), false));
      List<Map<String, Object>> notes = new ArrayList<>();
      for (CaseSearch.Note n : search.notes(id)) {
        notes.add(Map.of("at", n.at().toString(), "author", n.authorUserId(), "text", n.text()));
      }
      m.put("notes", notes);
      List<Map<String, Object>> h = new ArrayList<>();
      CaseView.event(h, r.openedAt(), "opened", r.scriptId());
      CaseView.event(h, r.handedOffAt(), "handed_off", r.handoffReason());
      for (DeskStore.Event e : desk.events(id)) CaseView.event(h, e.at(), e.action(), (e.actorAlias() == null ? "" : e.actorAlias() + ": ") + (e.detail() == null ? "" : e.detail()));
      CaseView.event(h, r.closedAt(), "closed", r.outcome());
      for (CaseStore.Row other : cases.forChat(r.chatId())) {
        if (other.id() != r.id()) CaseView.event(h, other.openedAt(), "other_case", "#" + other.id() + " (" + other.status() + ")");
      }
      CaseView.sortByTime(h);
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

  /** The shared list line, and the family's name for the console's list (supervisors see the intake anyway). */
  private static Map<String, Object> summary(CaseStore.Row r) {
    Map<String, Object> m = CaseView.summary(r);
    JsonNode intake = CaseView.tree(r.intake());
    m.put("name", intake == null || intake.get("name") == null ? null : intake.get("name").asText());
    return m;
  }
}
