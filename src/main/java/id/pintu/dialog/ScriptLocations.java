package id.pintu.dialog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are in a script's YAML text, so that a problem can name a line and column:
 * each node (by its position in {@code nodes}), each top-level setting and each declared
 * field. Reading never fails; what cannot be located is simply unknown (line 0).
 */
final class ScriptLocations {
  static final ScriptLocations NONE = new ScriptLocations();

  private static final YAMLFactory YAML = new YAMLFactory();

  /** Line and column, 1-based. */
  record At(int line, int column) {}

  private final List<At> nodes = new ArrayList<>();
  private final Map<String, At> topLevel = new HashMap<>();
  private final Map<String, At> fields = new HashMap<>();

  private ScriptLocations() {}

  static ScriptLocations of(String yaml) {
    ScriptLocations l = new ScriptLocations();
    if (yaml == null) return l;
    try (JsonParser p = YAML.createParser(yaml)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        JsonStreamContext ctx = p.getParsingContext();
        if (t == JsonToken.START_OBJECT && isNodeObject(ctx)) {
          l.nodes.add(at(p.currentTokenLocation()));
        } else if (t == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonStreamContext parent = ctx.getParent();
          if (parent != null && parent.inRoot()) {
            l.topLevel.putIfAbsent(name, at(p.currentTokenLocation()));
          } else if (isNodeObject(ctx) && "id".equals(name) && !l.nodes.isEmpty()) {
            // A node is best found by its id line.
            l.nodes.set(l.nodes.size() - 1, at(p.currentTokenLocation()));
          } else if (parent != null && parent.inObject() && "fields".equals(parent.getCurrentName())
              && parent.getParent() != null && parent.getParent().inRoot()) {
            l.fields.putIfAbsent(name, at(p.currentTokenLocation()));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Syntax errors are reported by the parser; keep what was located so far.
    }
    return l;
  }

  /** An object directly inside the top-level {@code nodes} list. */
  private static boolean isNodeObject(JsonStreamContext ctx) {
    if (ctx == null || !ctx.inObject()) return false;
    JsonStreamContext list = ctx.getParent();
    if (list == null || !list.inArray()) return false;
    JsonStreamContext root = list.getParent();
    return root != null && root.inObject() && "nodes".equals(root.getCurrentName())
        && root.getParent() != null && root.getParent().inRoot();
  }

  private static At at(JsonLocation loc) {
    return loc == null ? null : new At(loc.getLineNr(), loc.getColumnNr());
  }

  /** The node at this position of the list, or null. */
  At node(int index) {
    return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
  }

  At topLevel(String key) {
    return topLevel.get(key);
  }

  At field(String name) {
    return fields.get(name);
  }
}
