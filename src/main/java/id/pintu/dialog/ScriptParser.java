package id.pintu.dialog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;

/** Reads one script from YAML text. Syntax and shape errors come back with line and column. */
public final class ScriptParser {
  private static final ObjectMapper YAML = new ObjectMapper(
          YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // An admin leaves out what they do not need (skip, version): absent means false / 0.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ScriptParser() {}

  /** The parsed script, or the reason it could not be read. */
  public sealed interface Result {
    record Ok(Script script) implements Result {}

    record Failed(int line, int column, String message) implements Result {}
  }

  public static Result parse(String yaml) {
    try {
      Script s = YAML.readValue(yaml, Script.class);
      if (s == null) return new Result.Failed(1, 1, "the file is empty");
      return new Result.Ok(s);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      return new Result.Failed(line, col, explain(e));
    }
  }

  /** Jackson's messages are written for programmers; say it plainly for an admin. */
  static String explain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      return "unknown setting '" + u.getPropertyName() + "' (known here: " + String.join(", ", known) + ")";
    }
    String m = e.getOriginalMessage();
    if (m == null) m = e.getClass().getSimpleName();
    if (m.contains("missing type id") || m.contains("Missing type id")) return "a node has no 'kind' (say, ask, listen, branch, handoff, end, goto)";
    if (m.contains("Could not resolve type id")) {
      int q = m.indexOf('\'');
      int q2 = q < 0 ? -1 : m.indexOf('\'', q + 1);
      String kind = q2 > q ? m.substring(q + 1, q2) : "?";
      return "unknown node kind '" + kind + "' (use say, ask, listen, branch, handoff, end, goto)";
    }
    if (m.contains("Duplicate field")) return m.replace("Duplicate field", "the same setting is written twice:");
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }
}
