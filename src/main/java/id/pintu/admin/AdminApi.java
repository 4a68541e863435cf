package id.pintu.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.desk.StaffDirectory;
import id.pintu.dialog.FieldSpec;
import id.pintu.dialog.Problem;
import id.pintu.dialog.Script;
import id.pintu.dialog.ScriptBook;
import id.pintu.store.AuditLog;
import id.pintu.store.CaseQuery;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.TranscriptStore;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API under {@code /admin}: scripts (list, read, validate, publish, roll back,
 * picture) and cases (list, read, CSV export). Every call needs a bearer token; reads of
 * case data and script changes go to the audit log. All store work runs on worker threads.
 */
public final class AdminApi {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final String CALLER = "pintu.caller";
  static final int MAX_PAGE = 500;
  /** Room for a script at its limit (ScriptParser.MAX_BYTES), so a too-large one is told why in a problem line. */
  static final int MAX_BODY = 1024 * 1024;

  private final ScriptLibrary library;
  private final AdminAuth auth;
  private final Clock clock;
  private final CaseQuery caseQuery;
  private final CaseStore cases;
  private final TranscriptStore transcript;
  private final AuditLog audit;
  private final ObjectMapper json = new ObjectMapper();
  private volatile StaffDirectory staff;

  public AdminApi(Database db, ScriptLibrary library, AdminAuth auth, Clock clock) {
    this.library = library;
    this.auth = auth;
    this.clock = clock;
    this.caseQuery = new CaseQuery(db);
    this.cases = new CaseStore(db);
    this.transcript = new TranscriptStore(db);
    this.audit = new AuditLog(db);
  }

  /** The desk's staff list, to filter cases by a counselor's alias and show who handles them. */
  public AdminApi staff(StaffDirectory directory) {
    this.staff = directory;
    return this;
  }

  public void mount(Router router) {
    router.route("/admin/*").handler(new ScriptBody(MAX_BODY));
    router.route("/admin/*").handler(this::authenticate);
    AdminAuth.Role viewer = AdminAuth.Role.VIEWER;
    AdminAuth.Role supervisor = AdminAuth.Role.SUPERVISOR;
    AdminAuth.Role admin = AdminAuth.Role.ADMIN;
    router.get("/admin/scripts").handler(role(viewer)).blockingHandler(this::listScripts, false);
    router.get("/admin/scripts/:id").handler(role(viewer)).blockingHandler(this::getScript, false);
    router.get("/admin/scripts/:id/graph").handler(role(viewer)).blockingHandler(this::graph, false);
    router.post("/admin/scripts/:id/validate").handler(role(viewer)).blockingHandler(this::validate, false);
    router.put("/admin/scripts/:id").handler(role(admin)).blockingHandler(this::publish, false);
    router.post("/admin/scripts/:id/rollback/:version").handler(role(admin)).blockingHandler(this::rollback, false);
    router.get("/admin/cases").handler(role(supervisor)).blockingHandler(this::listCases, false);
    router.get("/admin/cases.csv").handler(role(supervisor)).blockingHandler(this::exportCases, false);
    router.get("/admin/cases/:id").handler(role(supervisor)).blockingHandler(this::getCase, false);
    router.get("/admin/audit").handler(role(admin)).blockingHandler(this::auditLog, false);
  }

  /** Puts these paths behind a token too (any role), when config asks for it. */
  public static void requireToken(Router router, AdminAuth auth, String... paths) {
    for (String path : paths) {
      router.route(path).handler(ctx -> {
        if (!refused(ctx, auth.admit(ctx.request()), "a valid token is needed")) ctx.next();
      });
    }
  }

  /** Bearer token check, on the event loop (hashing only; no I/O). */
  private void authenticate(RoutingContext ctx) {
    AdminAuth.Admission a = auth.admit(ctx.request());
    if (refused(ctx, a, "a valid admin token is needed: Authorization: Bearer <token>")) return;
    ctx.put(CALLER, ((AdminAuth.Admission.Admitted) a).caller());
    ctx.next();
  }

  /** True when the token was refused and the answer sent: 401, or 429 with {@code Retry-After}. */
  private static boolean refused(RoutingContext ctx, AdminAuth.Admission a, String unknown) {
    if (a instanceof AdminAuth.Admission.Admitted) return false;
    if (a instanceof AdminAuth.Admission.Throttled t) {
      ctx.response().putHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
      error(ctx, 429, "too many wrong tokens lately; try again in " + t.retryAfterSeconds() + " s");
    } else {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"pintu-admin\"");
      error(ctx, 401, unknown);
    }
    return true;
  }

  private static Handler<RoutingContext> role(AdminAuth.Role needed) {
    return ctx -> {
      AdminAuth.Caller c = ctx.get(CALLER);
      if (c == null || !c.role().mayActAs(needed)) {
        error(ctx, 403, "this token's role (" + (c == null ? "none" : c.role().name().toLowerCase()) + ") may not do this; it needs "
            + needed.name().toLowerCase());
        return;
      }
      ctx.next();
    };
  }

  private static String who(RoutingContext ctx) {
    AdminAuth.Caller c = ctx.get(CALLER);
    return c == null ? "?" : c.name();
  }

  // ---- scripts ----------------------------------------------------------------------------

  private void listScripts(RoutingContext ctx) {
    ok(ctx, Map.of("scripts", ScriptView.list(library)));
  }

  private void getScript(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    try {
      Map<String, Object> m = ScriptView.read(library, id);
      if (m == null) {
        error(ctx, 404, "no script '" + id + "'");
        return;
      }
      ok(ctx, m);
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  private void graph(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    try {
      String version = ctx.queryParams().get("version");
      Script s = version == null ? library.current().script(id) : library.script(id, Integer.parseInt(version));
      if (s == null) {
        error(ctx, 404, "no script '" + id + "'" + (version == null ? "" : " in version " + version));
        return;
      }
      ctx.response().putHeader("Content-Type", "text/vnd.mermaid; charset=utf-8").end(MermaidGraph.of(s));
    } catch (NumberFormatException e) {
      error(ctx, 400, "version must be a number");
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  private void validate(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    List<Problem> problems = library.validate(id, body(ctx));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("valid", problems.isEmpty());
    m.put("problems", problems(problems));
    ok(ctx, m);
  }

  private void publish(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      error(ctx, 400, "a script id is lower-case letters, digits, '-' and '_'");
      return;
    }
    String comment = ctx.queryParams().get("comment");
    if (comment == null) comment = ctx.request().getHeader("X-Pintu-Comment");
    try {
      ScriptLibrary.Outcome o = library.publish(id, body(ctx), who(ctx), comment);
      answerPublish(ctx, id, o, null);
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  private void rollback(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    int version;
    try {
      version = Integer.parseInt(ctx.pathParam("version"));
    } catch (NumberFormatException e) {
      error(ctx, 400, "version must be a number");
      return;
    }
    try {
      Optional<ScriptLibrary.Outcome> o = library.rollback(id, version, who(ctx));
      if (o.isEmpty()) {
        error(ctx, 404, "script '" + id + "' has no version " + version);
        return;
      }
      answerPublish(ctx, id, o.get(), version);
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  private void answerPublish(RoutingContext ctx, String id, ScriptLibrary.Outcome o, Integer from) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    if (!o.published()) {
      m.put("published", false);
      m.put("problems", problems(o.problems()));
      send(ctx, 422, m);
      return;
    }
    m.put("published", true);
    m.put("version", o.version());
    if (from != null) m.put("rolled_back_to", from);
    send(ctx, 201, m);
  }

  private static String body(RoutingContext ctx) {
    return ScriptBody.text(ctx);
  }

  static List<Map<String, Object>> problems(List<Problem> ps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Problem p : ps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("node", p.node());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("message", p.message());
      m.put("text", p.toString());
      out.add(m);
    }
    return out;
  }

  // ---- cases ------------------------------------------------------------------------------

  private void listCases(RoutingContext ctx) {
    try {
      CaseQuery.Filter f = filter(ctx);
      int limit = Math.min(MAX_PAGE, Math.max(1, intParam(ctx, "limit", 50)));
      int offset = Math.max(0, intParam(ctx, "offset", 0));
      CaseQuery.Page page = caseQuery.find(f, limit, offset);
      Map<Long, CaseQuery.Handling> handling = caseQuery.handling(page.rows().stream().map(CaseStore.Row::id).toList());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (CaseStore.Row r : page.rows()) {
        if (f.flag() != null && !CaseView.flags(r).contains(f.flag())) continue;
        Map<String, Object> m = CaseView.summary(r);
        handled(m, handling.get(r.id()));
        rows.add(m);
      }
      audit.add(who(ctx), "case.list", clip(ctx.request().query()), clock.instant());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("total", page.total());
      m.put("limit", limit);
      m.put("offset", offset);
      m.put("cases", rows);
      ok(ctx, m);
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  private void getCase(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      error(ctx, 400, "a case id is a number");
      return;
    }
    try {
      Optional<CaseStore.Row> found = cases.find(id);
      audit.add(who(ctx), "case.read", "case " + id, clock.instant());
      if (found.isEmpty()) {
        error(ctx, 404, "no case " + id);
        return;
      }
      CaseStore.Row r = found.get();
      Map<String, Object> m = CaseView.summary(r);
      handled(m, caseQuery.handling(List.of(id)).get(id));
      m.put("chat_id", r.chatId());
      m.put("intake", CaseView.tree(r.intake()));
      m.put("story", CaseView.tree(r.story()));
      m.put("flags_detail", CaseView.tree(r.flags()));
      m.put("handoff_reason", r.handoffReason());
      m.put("transcript", CaseView.transcript(transcript.forCase(id), true));
      m.put("history", history(r));
      ok(ctx, m);
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  /** The case's course so far (counselor events come with the desk) and the family's earlier cases. */
  private List<Map<String, Object>> history(CaseStore.Row r) throws SQLException {
    List<Map<String, Object>> h = new ArrayList<>();
    CaseView.event(h, r.openedAt(), "opened", r.scriptId());
    CaseView.event(h, r.handedOffAt(), "handed_off", r.queue());
    CaseView.event(h, r.closedAt(), "closed", r.outcome());
    for (CaseStore.Row earlier : cases.forChat(r.chatId())) {
      if (earlier.id() != r.id() && earlier.openedAt().isBefore(r.openedAt())) {
        CaseView.event(h, earlier.openedAt(), "earlier_case", "case " + earlier.id() + " (" + earlier.status() + ")");
      }
    }
    CaseView.sortByTime(h);
    return h;
  }

  /** Non-sensitive fields only: no chat id, story, evidence, or intake field marked sensitive. */
  private void exportCases(RoutingContext ctx) {
    try {
      CaseQuery.Filter f = filter(ctx);
      Map<String, Boolean> sensitive = sensitivity(library.current());
      List<String> fields = new ArrayList<>(new TreeSet<>(sensitive.keySet()));
      fields.removeIf(sensitive::get);
      StringBuilder csv = new StringBuilder(
          "id,status,queue,priority,lang,script_id,flags,opened_at,handed_off_at,closed_at,outcome,counselor,claimed_at,first_reply_at");
      for (String field : fields) csv.append(',').append(csvCell(field));
      csv.append("\r\n");
      int offset = 0;
      int n = 0;
      while (true) {
        CaseQuery.Page page = caseQuery.find(f, MAX_PAGE, offset);
        Map<Long, CaseQuery.Handling> handling = caseQuery.handling(page.rows().stream().map(CaseStore.Row::id).toList());
        for (CaseStore.Row r : page.rows()) {
          List<String> flags = CaseView.flags(r);
          if (f.flag() != null && !flags.contains(f.flag())) continue;
          JsonNode intake = CaseView.tree(r.intake());
          csv.append(r.id()).append(',').append(csvCell(r.status())).append(',').append(csvCell(r.queue())).append(',')
              .append(csvCell(r.priority())).append(',').append(csvCell(r.lang())).append(',').append(csvCell(r.scriptId())).append(',')
              .append(csvCell(String.join(" ", flags))).append(',').append(csvCell(CaseView.str(r.openedAt()))).append(',')
              .append(csvCell(CaseView.str(r.handedOffAt()))).append(',').append(csvCell(CaseView.str(r.closedAt()))).append(',').append(csvCell(r.outcome()));
          CaseQuery.Handling h = handling.get(r.id());
          csv.append(',').append(csvCell(h.counselor() == null ? null : alias(h.counselor()))).append(',')
              .append(csvCell(CaseView.str(h.claimedAt()))).append(',').append(csvCell(CaseView.str(h.firstReplyAt())));
          for (String field : fields) {
            JsonNode v = intake == null ? null : intake.get(field);
            csv.append(',').append(csvCell(v == null || v.isNull() ? null : v.asText()));
          }
          csv.append("\r\n");
          n++;
        }
        offset += MAX_PAGE;
        if (page.rows().size() < MAX_PAGE) break;
      }
      audit.add(who(ctx), "case.export", n + " cases" + (ctx.request().query() == null ? "" : " " + clip(ctx.request().query())), clock.instant());
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
          .putHeader("Content-Disposition", "attachment; filename=\"pintu-cases.csv\"").end(csv.toString());
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  /** Field name to sensitive; a field any script calls sensitive is sensitive everywhere. */
  static Map<String, Boolean> sensitivity(ScriptBook book) {
    Map<String, Boolean> m = new LinkedHashMap<>();
    for (Script s : book.scripts().values()) {
      for (Map.Entry<String, FieldSpec> e : s.fields().entrySet()) {
        m.merge(e.getKey(), e.getValue() == null || e.getValue().sensitive(), Boolean::logicalOr);
      }
    }
    return m;
  }

  private void auditLog(RoutingContext ctx) {
    try {
      int limit = Math.min(MAX_PAGE, Math.max(1, intParam(ctx, "limit", 100)));
      List<Map<String, Object>> out = new ArrayList<>();
      for (AuditLog.Entry e : audit.recent(limit)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("who", e.who());
        m.put("action", e.action());
        m.put("target", e.target());
        out.add(m);
      }
      ok(ctx, Map.of("entries", out));
    } catch (IllegalArgumentException e) {
      error(ctx, 400, e.getMessage());
    } catch (SQLException e) {
      storeDown(ctx, e);
    }
  }

  /** Who holds the case (or held it when it was closed), since when, and when they first wrote to the family. */
  private void handled(Map<String, Object> m, CaseQuery.Handling h) {
    if (h == null || h.counselor() == null) {
      m.put("counselor", null);
      return;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("user_id", h.counselor());
    c.put("alias", alias(h.counselor()));
    m.put("counselor", c);
    m.put("claimed_at", CaseView.str(h.claimedAt()));
    m.put("first_reply_at", CaseView.str(h.firstReplyAt()));
  }

  private String alias(long userId) {
    StaffDirectory s = staff;
    return s == null ? String.valueOf(userId) : s.find(userId).map(StaffDirectory.Member::alias).orElse(String.valueOf(userId));
  }

  /** A counselor by Telegram user id or by alias (as on the staff list, e.g. "Kak Sari"). */
  private Long counselor(String param) {
    if (param == null) return null;
    if (param.matches("-?\\d{1,19}")) return Long.parseLong(param);
    StaffDirectory s = staff;
    if (s == null) throw new IllegalArgumentException("there is no staff list (the desk is off): give the counselor's Telegram user id");
    return s.byAlias(param).map(StaffDirectory.Member::userId)
        .orElseThrow(() -> new IllegalArgumentException("no one on the staff list has the alias '" + param + "'"));
  }

  private CaseQuery.Filter filter(RoutingContext ctx) {
    var q = ctx.queryParams();
    return new CaseQuery.Filter(blank(q.get("status")), blank(q.get("priority")), blank(q.get("flag")), blank(q.get("queue")),
        date(q.get("from"), false), date(q.get("to"), true), counselor(blank(q.get("counselor"))));
  }

  /** {@code 2025-11-01} (a whole day, UTC; {@code to} includes it) or an instant {@code 2025-11-01T08:00:00Z}. */
  static Instant date(String s, boolean endOfDay) {
    if (s == null || s.isBlank()) return null;
    try {
      if (s.length() == 10) {
        LocalDate d = LocalDate.parse(s);
        return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("dates are 2025-11-01 or 2025-11-01T08:00:00Z, not '" + s + "'");
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static int intParam(RoutingContext ctx, String name, int dflt) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, like " + name + "=" + dflt + ", not '" + clip(v) + "'");
    }
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 150 ? s.substring(0, 150) : s;
  }

  static String csvCell(String s) {
    if (s == null) return "";
    String v = s;
    // A cell a spreadsheet would run as a formula is quoted as text.
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
    return v;
  }

  // ---- answers ----------------------------------------------------------------------------

  private void ok(RoutingContext ctx, Object body) {
    send(ctx, 200, body);
  }

  private void send(RoutingContext ctx, int status, Object body) {
    try {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
          .end(json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    } catch (Exception e) {
      ctx.fail(e);
    }
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(io.vertx.core.json.Json.encode(Map.of("error", message)));
  }

  private static void storeDown(RoutingContext ctx, SQLException e) {
    LOG.warn("admin API: store unavailable: {}", e.getMessage());
    error(ctx, 503, "the store is not reachable; try again shortly");
  }
}
