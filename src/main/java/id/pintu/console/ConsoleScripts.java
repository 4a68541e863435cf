package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.admin.AdminAuth;
import id.pintu.admin.MermaidGraph;
import id.pintu.admin.ScriptLibrary;
import id.pintu.admin.ScriptView;
import id.pintu.dialog.Engine;
import id.pintu.dialog.Input;
import id.pintu.dialog.Problem;
import id.pintu.dialog.Script;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.ScriptParser;
import id.pintu.store.ScriptVersionStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The script editor's calls: list, read a version, check a draft (the same validator as
 * publishing, plus its picture), publish, roll back, and the try-it pane on a draft.
 */
public final class ConsoleScripts {
  private static final String ID = "[a-z0-9][a-z0-9_-]{0,63}";
  private final ScriptLibrary library;
  private final TryIt tryIt;

  public ConsoleScripts(ScriptLibrary library, Engine engine) {
    this.library = library;
    this.tryIt = new TryIt(engine);
  }

  void mount(Router router, ConsoleServer c) {
    String api = ConsoleServer.BASE + "/api";
    AdminAuth.Role viewer = AdminAuth.Role.VIEWER;
    AdminAuth.Role admin = AdminAuth.Role.ADMIN;
    router.get(api + "/scripts").handler(c.role(viewer)).handler(ctx -> list(ctx, c));
    router.get(api + "/scripts/:id").handler(c.role(viewer)).blockingHandler(ctx -> read(ctx, c), false);
    router.get(api + "/scripts/:id/versions/:v").handler(c.role(viewer)).blockingHandler(ctx -> version(ctx, c), false);
    router.post(api + "/scripts/:id/check").handler(c.role(viewer)).blockingHandler(ctx -> check(ctx, c), false);
    router.post(api + "/scripts/:id/publish").handler(c.role(admin)).blockingHandler(ctx -> publish(ctx, c), false);
    router.post(api + "/scripts/:id/rollback/:v").handler(c.role(admin)).blockingHandler(ctx -> rollback(ctx, c), false);
    router.post(api + "/try").handler(c.role(viewer)).blockingHandler(ctx -> tryStart(ctx, c), false);
    router.post(api + "/try/:run").handler(c.role(viewer)).blockingHandler(ctx -> tryStep(ctx, c), false);
    new ConsoleService(library).mount(router, c); // the service.yaml forms: versioned through the same library
  }

  private void list(RoutingContext ctx, ConsoleServer c) {
    c.ok(ctx, Map.of("scripts", ScriptView.list(library)));
  }

  private void read(RoutingContext ctx, ConsoleServer c) {
    String id = ctx.pathParam("id");
    try {
      Map<String, Object> m = ScriptView.read(library, id);
      if (m == null) {
        ConsoleServer.error(ctx, 404, "no script '" + id + "'");
        return;
      }
      c.ok(ctx, m);
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  private void version(RoutingContext ctx, ConsoleServer c) {
    try {
      int v = Integer.parseInt(ctx.pathParam("v"));
      Optional<ScriptVersionStore.Version> found = library.version(ctx.pathParam("id"), v);
      if (found.isEmpty()) {
        ConsoleServer.error(ctx, 404, "no such version");
        return;
      }
      c.ok(ctx, Map.of("version", v, "yaml", found.get().yaml()));
    } catch (NumberFormatException e) {
      ConsoleServer.error(ctx, 400, "a version is a number");
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  /** The draft's problems (as publishing would find them) and, when it reads as a script, its picture. */
  private void check(RoutingContext ctx, ConsoleServer c) {
    String id = ctx.pathParam("id");
    String yaml = yaml(ctx, c);
    if (yaml == null) {
      ConsoleServer.error(ctx, 400, "send {\"yaml\": \"...\"}");
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    List<Problem> problems = library.validate(id, yaml);
    m.put("valid", problems.isEmpty());
    m.put("problems", problems(problems));
    Script draft = draft(id, yaml);
    String graph = null;
    if (draft != null) {
      try {
        graph = MermaidGraph.of(draft);
      } catch (RuntimeException e) {
        graph = null; // a half-written script may not draw; the problems say why
      }
    }
    m.put("graph", graph);
    c.ok(ctx, m);
  }

  private void publish(RoutingContext ctx, ConsoleServer c) {
    String id = ctx.pathParam("id");
    if (!id.matches(ID)) {
      ConsoleServer.error(ctx, 400, "a script id is lower-case letters, digits, '-' and '_'");
      return;
    }
    String yaml = yaml(ctx, c);
    JsonNode body = c.body(ctx);
    String comment = body == null || body.get("comment") == null ? null : body.get("comment").asText();
    if (yaml == null) {
      ConsoleServer.error(ctx, 400, "send {\"yaml\": \"...\", \"comment\": \"...\"}");
      return;
    }
    try {
      answer(ctx, c, id, library.publish(id, yaml, ConsoleServer.caller(ctx).name(), comment == null || comment.isBlank() ? null : comment.trim()));
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  private void rollback(RoutingContext ctx, ConsoleServer c) {
    String id = ctx.pathParam("id");
    try {
      int v = Integer.parseInt(ctx.pathParam("v"));
      Optional<ScriptLibrary.Outcome> o = library.rollback(id, v, ConsoleServer.caller(ctx).name());
      if (o.isEmpty()) {
        ConsoleServer.error(ctx, 404, "script '" + id + "' has no version " + v);
        return;
      }
      answer(ctx, c, id, o.get());
    } catch (NumberFormatException e) {
      ConsoleServer.error(ctx, 400, "a version is a number");
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  private static void answer(RoutingContext ctx, ConsoleServer c, String id, ScriptLibrary.Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("published", o.published());
    if (o.published()) m.put("version", o.version());
    else m.put("problems", problems(o.problems()));
    c.send(ctx, o.published() ? 201 : 422, m);
  }

  /** Starts the draft (or, without one, the published script) in the try-it pane. */
  private void tryStart(RoutingContext ctx, ConsoleServer c) {
    JsonNode body = c.body(ctx);
    String id = body == null || body.get("script") == null ? null : body.get("script").asText();
    if (id == null || !id.matches(ID)) {
      ConsoleServer.error(ctx, 400, "send {\"script\": \"first-contact\", \"yaml\": \"...\", \"lang\": \"id\"}");
      return;
    }
    String lang = body.get("lang") == null ? "id" : body.get("lang").asText().toLowerCase(Locale.ROOT);
    ScriptBook now = library.current();
    ScriptBook book = now;
    if (body.get("yaml") != null) {
      String yaml = body.get("yaml").asText();
      List<Problem> problems = library.validate(id, yaml);
      if (!problems.isEmpty()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", "fix the problems first; then the draft can be tried");
        m.put("problems", problems(problems));
        c.send(ctx, 422, m);
        return;
      }
      Map<String, Script> scripts = new LinkedHashMap<>(now.scripts());
      scripts.put(id, draft(id, yaml));
      book = new ScriptBook(scripts, now.shared());
    }
    if (book.script(id) == null) {
      ConsoleServer.error(ctx, 404, "no script '" + id + "'");
      return;
    }
    c.ok(ctx, tryIt.start(ConsoleServer.sessionId(ctx), book, id, lang));
  }

  /** {@code {"text": "..."}}, {@code {"choice": "data"}} or {@code {"command": "konselor"}}. */
  private void tryStep(RoutingContext ctx, ConsoleServer c) {
    JsonNode body = c.body(ctx);
    Input input = null;
    if (body != null && body.hasNonNull("choice")) input = new Input.Choice(body.get("choice").asText());
    else if (body != null && body.hasNonNull("command")) input = new Input.Command(body.get("command").asText().replaceFirst("^/", "").toLowerCase(Locale.ROOT), null);
    else if (body != null && body.hasNonNull("contact")) input = new Input.Contact(body.get("contact").asText());
    else if (body != null && body.hasNonNull("text") && !body.get("text").asText().isBlank()) input = new Input.Text(body.get("text").asText());
    if (input == null) {
      ConsoleServer.error(ctx, 400, "send {\"text\": \"...\"}, {\"choice\": \"...\"} or {\"command\": \"...\"}");
      return;
    }
    TryIt.View v = tryIt.step(ConsoleServer.sessionId(ctx), ctx.pathParam("run"), input);
    if (v == null) {
      ConsoleServer.error(ctx, 404, "this try has ended; start again");
      return;
    }
    c.ok(ctx, v);
  }

  private static String yaml(RoutingContext ctx, ConsoleServer c) {
    JsonNode body = c.body(ctx);
    return body == null || body.get("yaml") == null ? null : body.get("yaml").asText();
  }

  /** The draft as a script (version 0), or null when it does not read as one. */
  private static Script draft(String id, String yaml) {
    ScriptParser.Result r = ScriptParser.parse(yaml);
    if (!(r instanceof ScriptParser.Result.Ok ok)) return null;
    Script s = ok.script();
    return new Script(id, 0, s.title(), s.start(), s.fields(), s.nodes());
  }

  static List<Map<String, Object>> problems(List<Problem> ps) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Problem p : ps) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("node", p.node());
      m.put("line", p.line());
      m.put("column", p.column());
      m.put("message", p.message());
      out.add(m);
    }
    return out;
  }
}
