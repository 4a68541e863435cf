package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pintu.admin.AdminAuth;
import id.pintu.admin.ScriptLibrary;
import id.pintu.dialog.Problem;
import id.pintu.store.ScriptVersionStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Layanan / Service" forms: the help contacts, referral directory and office hours of
 * {@code service.yaml} as JSON, and a save that rewrites those sections in the YAML and
 * publishes it as a new version through the {@link ScriptLibrary} (same checks as a file edit).
 * History and rollback are the script calls with the id {@link ScriptLibrary#SERVICE_ID}.
 */
final class ConsoleService {
  private final ScriptLibrary library;

  ConsoleService(ScriptLibrary library) {
    this.library = library;
  }

  void mount(Router router, ConsoleServer c) {
    String api = ConsoleServer.BASE + "/api/service";
    router.get(api).handler(c.role(AdminAuth.Role.VIEWER)).blockingHandler(ctx -> read(ctx, c), false);
    router.post(api).handler(c.role(AdminAuth.Role.ADMIN)).blockingHandler(ctx -> save(ctx, c), false);
  }

  private String currentYaml() {
    return library.serviceVersion().map(ScriptVersionStore.Version::yaml).orElse("");
  }

  private void read(RoutingContext ctx, ConsoleServer c) {
    try {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", library.serviceVersion().map(ScriptVersionStore.Version::version).orElse(0));
      m.put("sections", ServiceSections.read(currentYaml()));
      List<Map<String, Object>> h = new ArrayList<>();
      for (ScriptVersionStore.Version v : library.history(ScriptLibrary.SERVICE_ID)) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("version", v.version());
        x.put("published_by", v.publishedBy());
        x.put("published_at", v.publishedAt().toString());
        x.put("comment", v.comment());
        h.add(x);
      }
      m.put("history", h);
      c.ok(ctx, m);
    } catch (IOException e) {
      ConsoleServer.error(ctx, 500, "the published service.yaml cannot be read: " + e.getMessage());
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  /** {@code {"help_contacts": [...], "referrals": [...], "office_hours": {...}, "comment": "..."}}; any subset of the sections. */
  private void save(RoutingContext ctx, ConsoleServer c) {
    JsonNode body = c.body(ctx);
    if (body == null || !body.isObject()) {
      ConsoleServer.error(ctx, 400, "send {\"help_contacts\": [...], \"referrals\": [...], \"office_hours\": {...}, \"comment\": \"...\"}");
      return;
    }
    String before = currentYaml();
    String yaml = before;
    try {
      for (String key : ServiceSections.EDITABLE) {
        if (body.has(key)) yaml = ServiceSections.replace(yaml, key, clean(body.get(key)));
      }
    } catch (IOException e) {
      ConsoleServer.error(ctx, 400, "the sections could not be written as YAML: " + e.getMessage());
      return;
    }
    if (yaml.equals(before)) {
      c.ok(ctx, Map.of("published", false, "unchanged", true));
      return;
    }
    String comment = body.hasNonNull("comment") && !body.get("comment").asText().isBlank() ? body.get("comment").asText().trim() : null;
    try {
      ScriptLibrary.Outcome o = library.publish(ScriptLibrary.SERVICE_ID, yaml, ConsoleServer.caller(ctx).name(), comment);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("published", o.published());
      if (o.published()) {
        m.put("version", o.version());
      } else {
        List<Map<String, Object>> ps = ConsoleScripts.problems(o.problems());
        for (int i = 0; i < ps.size(); i++) ps.get(i).put("section", sectionAt(yaml, o.problems().get(i)));
        m.put("problems", ps);
      }
      c.send(ctx, o.published() ? 201 : 422, m);
    } catch (SQLException e) {
      ConsoleServer.storeDown(ctx, e);
    }
  }

  /** Blank strings become absent, and a text with neither language goes too: the form's empty fields mean "not given". */
  static JsonNode clean(JsonNode n) {
    if (n == null) return null;
    if (n.isObject()) {
      ObjectNode o = ((ObjectNode) n).deepCopy();
      Iterator<Map.Entry<String, JsonNode>> it = o.fields();
      List<String> drop = new ArrayList<>();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = clean(e.getValue());
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isObject() && v.isEmpty())) drop.add(e.getKey());
        else o.set(e.getKey(), v);
      }
      o.remove(drop);
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = ((ArrayNode) n).arrayNode();
      for (JsonNode x : n) {
        JsonNode v = clean(x);
        if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank()) && !(v.isObject() && v.isEmpty())) a.add(v);
      }
      return a;
    }
    if (n.isTextual()) return n.asText().isBlank() ? null : new com.fasterxml.jackson.databind.node.TextNode(n.asText().strip());
    return n;
  }

  /** The top-level section a problem's line falls in, so the form can show it beside that section. */
  static String sectionAt(String yaml, Problem p) {
    String m = p.message() == null ? "" : p.message();
    for (String k : ServiceSections.EDITABLE) if (m.startsWith(k + ":")) return k;
    if (p.line() <= 0) return null;
    String[] lines = yaml.split("\n", -1);
    for (int i = Math.min(p.line(), lines.length) - 1; i >= 0; i--) {
      for (String k : ServiceSections.EDITABLE) if (lines[i].startsWith(k + ":")) return k;
      if (!lines[i].isEmpty() && !Character.isWhitespace(lines[i].charAt(0)) && !lines[i].startsWith("#") && !lines[i].startsWith("-")) return null;
    }
    return null;
  }
}
