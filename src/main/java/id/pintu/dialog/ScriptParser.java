package id.pintu.dialog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one script from YAML text. Syntax and shape errors come back with line and column.
 * What a script may hold is bounded ({@link #MAX_BYTES}, {@link #MAX_NODES}, {@link #MAX_DEPTH};
 * docs/SCRIPTS.md): every later step (checks, engine, graph) then works on a script of known size.
 */
public final class ScriptParser {
  /** The largest script file, in bytes of UTF-8 (the shipped scripts are under 20 KB). */
  public static final int MAX_BYTES = 512 * 1024;

  /** The most nodes one script may hold; a longer conversation is split into scripts joined by goto. */
  public static final int MAX_NODES = 2_000;

  /** The deepest nesting of lists and settings (the shipped scripts need 6). */
  public static final int MAX_DEPTH = 32;

  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

  private static final ObjectMapper YAML = new ObjectMapper(
          YAMLFactory.builder().build().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      // Absent settings of a record (version, skip) arrive as null: let them default to 0/false.
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private ScriptParser() {}

  /** The parsed script, or the reason it could not be read. */
  public sealed interface Result {
    record Ok(Script script) implements Result {}

    record Failed(int line, int column, String message) implements Result {}
  }

  public static Result parse(String yaml) {
    long bytes = utf8Bytes(yaml);
    if (bytes > MAX_BYTES) {
      return new Result.Failed(0, 0, String.format(Locale.ROOT,
          "the script is %,d bytes long; a script may be at most %,d bytes (512 KiB): split it into several scripts joined by goto",
          bytes, MAX_BYTES));
    }
    Result deep = tooDeep(yaml);
    if (deep != null) return deep;
    try {
      Script s = YAML.readValue(yaml, Script.class);
      if (s == null) return new Result.Failed(1, 1, "the file is empty");
      if (s.nodes().size() > MAX_NODES) {
        return new Result.Failed(0, 0, String.format(Locale.ROOT,
            "the script has %,d nodes; a script may hold at most %,d: split it into several scripts joined by goto",
            s.nodes().size(), MAX_NODES));
      }
      return new Result.Ok(s);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      MarkedYAMLException y = yamlCause(e);
      if (y != null && y.getProblemMark() != null) {
        // SnakeYAML knows where the syntax really breaks (its marks are 0-based).
        line = y.getProblemMark().getLine() + 1;
        col = y.getProblemMark().getColumn() + 1;
      }
      return new Result.Failed(line, col, explain(e));
    } catch (RuntimeException e) {
      // A reader's own bug must not take the caller down: the script is simply not read.
      return new Result.Failed(0, 0, "the script could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Where the text first nests deeper than {@link #MAX_DEPTH}, read as a stream of tokens
   * before the script is built (the builder stops at the first misplaced value and would name
   * that instead). Null when it does not, or when the text does not read: the builder says why.
   */
  private static Result tooDeep(String yaml) {
    try (JsonParser p = FACTORY.createParser(yaml == null ? "" : yaml)) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          if (++depth > MAX_DEPTH) {
            JsonLocation at = p.currentTokenLocation();
            return new Result.Failed(at.getLineNr(), at.getColumnNr(), "the script nests lists and settings more than " + MAX_DEPTH
                + " levels deep here (a script needs about 6): look for brackets or indentation that run away");
          }
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        }
      }
      return null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /** The UTF-8 length, counted without encoding the text. */
  static long utf8Bytes(String s) {
    if (s == null) return 0;
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) n++;
      else if (c < 0x800) n += 2;
      else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else n += 3;
    }
    return n;
  }

  /** SnakeYAML's own syntax error, somewhere in the cause chain, or null. */
  private static MarkedYAMLException yamlCause(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof MarkedYAMLException y) return y;
    }
    return null;
  }

  /** Jackson's messages are written for programmers; say it plainly for an admin. */
  static String explain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
      return "unknown setting '" + u.getPropertyName() + "' (known here: " + String.join(", ", known) + ")";
    }
    MarkedYAMLException y = yamlCause(e);
    if (y != null && y.getProblem() != null) {
      return "YAML syntax error: " + y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
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
