package id.pintu.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads {@code config/pintu.yaml} and lets environment variables override any setting:
 * {@code PINTU_<SECTION>_<SETTING>} in upper snake case, e.g. {@code PINTU_TELEGRAM_TOKEN},
 * {@code PINTU_TELEGRAM_API_URL}, {@code PINTU_STORE_URL}, {@code PINTU_SENDING_GLOBAL_PER_SECOND}.
 * {@code PINTU_HTTP_PORT} sets the HTTP port.
 *
 * <p>A mistake stops the start with one sentence naming the key and the file
 * ({@link ConfigException}): an unknown key, a value of the wrong kind or out of range, a
 * {@code PINTU_} variable that names no setting. Silently dropping a mistyped key ran the service
 * on a default the admin did not choose.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)); // a key twice: the first was lost

  private ConfigLoader() {}

  /** Variables that are not settings but are read by Pintu (the config file's name, the log level). */
  static final Set<String> OTHER_VARIABLES = Set.of("PINTU_CONFIG", "PINTU_LOG_LEVEL");
  /** Variables of the test harness, never read by the service. */
  static final String TEST_PREFIX = "PINTU_TEST_";

  /** The file may be missing (defaults, with the environment's overrides). */
  public static PintuConfig load(Path file, Map<String, String> env) throws IOException {
    return load(file, env, false);
  }

  /** With {@code mustExist}, a missing file is a mistake: the admin named it. */
  public static PintuConfig load(Path file, Map<String, String> env, boolean mustExist) throws IOException {
    if (mustExist && !Files.isRegularFile(file)) {
      throw new ConfigException("The configuration file " + file + " does not exist: give the path of your pintu.yaml (the example is config/pintu.yaml).");
    }
    ObjectNode root;
    try {
      JsonNode read = Files.isRegularFile(file) && Files.size(file) > 0 ? YAML.readTree(file.toFile()) : null;
      if (read != null && !read.isNull() && !(read instanceof ObjectNode)) {
        throw new ConfigException("The configuration file " + file + " must hold sections of settings (telegram:, http:, store:, ...), not a single value.");
      }
      root = read instanceof ObjectNode o ? o : YAML.createObjectNode();
    } catch (JsonProcessingException e) {
      throw new ConfigException("The configuration file " + file + " is not valid YAML (line " + e.getLocation().getLineNr() + "): " + firstLine(e.getOriginalMessage()) + ".");
    }
    dropEmpty(root);
    checkEnv(root, env);
    applyEnv(root, env);
    resolveAdminTokens(root, env);
    try {
      return YAML.treeToValue(root, PintuConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(sentence(file, e));
    }
  }

  /** A key written with only comments under it ("encryption:", "staff:") reads as empty: it means the default. */
  private static void dropEmpty(ObjectNode node) {
    node.properties().removeIf(e -> e.getValue().isNull() || (e.getValue().isTextual() && e.getValue().asText().isEmpty()));
    for (var e : node.properties()) if (e.getValue() instanceof ObjectNode child) dropEmpty(child);
  }

  private static String sentence(Path file, JsonMappingException e) {
    String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
    if (e instanceof UnrecognizedPropertyException u) {
      String where = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
      Set<String> known = new TreeSet<>();
      for (Object k : u.getKnownPropertyIds()) if (!"secrets".equals(k)) known.add(String.valueOf(k));
      return "In " + file + ", '" + key + "' is not a setting" + (where.isEmpty() ? "; the sections are: " : "; " + where + " has: ")
          + String.join(", ", known) + closest(u.getPropertyName(), known) + ".";
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException bad) {
      return "In " + file + ", " + bad.getMessage() + ".";
    }
    if (e instanceof InvalidFormatException f) {
      return "In " + file + ", '" + key + "' must be " + kind(f.getTargetType()) + ", not '" + f.getValue() + "'.";
    }
    if (e instanceof MismatchedInputException m) {
      return "In " + file + ", '" + key + "' must be " + kind(m.getTargetType()) + ".";
    }
    return "In " + file + ", '" + key + "' cannot be read: " + firstLine(e.getOriginalMessage()) + ".";
  }

  private static String kind(Class<?> t) {
    if (t == null) return "a value of another kind";
    if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "a whole number";
    if (t == Double.class || t == double.class) return "a number";
    if (t == Boolean.class || t == boolean.class) return "true or false";
    if (java.util.List.class.isAssignableFrom(t)) return "a list";
    if (t.isRecord()) return "a section of settings";
    return "text";
  }

  /** " (did you mean 'mode'?)" when a known name is one or two letters away. */
  static String closest(String typed, Set<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = distance(typed.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Every {@code PINTU_} variable must be a setting, a token the config names, or one of {@link #OTHER_VARIABLES}. */
  static void checkEnv(ObjectNode root, Map<String, String> env) {
    Set<String> settings = settingVariables();
    Set<String> tokens = tokenVariables(root, env);
    List<String> unknown = new ArrayList<>();
    for (String var : new TreeSet<>(env.keySet())) {
      if (!var.startsWith("PINTU_") || var.startsWith(TEST_PREFIX)) continue;
      if (settings.contains(var) || tokens.contains(var) || OTHER_VARIABLES.contains(var)) continue;
      unknown.add(var);
    }
    if (unknown.isEmpty()) return;
    String var = unknown.get(0);
    throw new ConfigException("The environment variable " + var + " names no setting" + closest(var, settings)
        + "; settings are PINTU_<SECTION>_<SETTING> for a setting of one value (lists such as desk.staff are set in the file), see config/pintu.yaml.");
  }

  static Set<String> settingVariables() {
    Set<String> out = new TreeSet<>();
    for (var section : PintuConfig.class.getRecordComponents()) {
      if (!section.getType().isRecord()) continue;
      for (var setting : section.getType().getRecordComponents()) {
        if (scalar(setting.getType())) out.add("PINTU_" + snake(section.getName()) + "_" + snake(setting.getName()));
      }
    }
    return out;
  }

  private static Set<String> tokenVariables(ObjectNode root, Map<String, String> env) {
    String refs = env.get("PINTU_ADMIN_TOKENS");
    if (refs == null && root.get("admin") instanceof ObjectNode a && a.hasNonNull("tokens")) refs = a.get("tokens").asText();
    Set<String> out = new TreeSet<>();
    if (refs == null) return out;
    for (String ref : refs.split(",")) {
      String[] roleVar = ref.trim().split(":", 2);
      if (roleVar.length == 2) out.add(roleVar[1].trim());
    }
    return out;
  }

  /** The first line of an exception's message, without a closing full stop, for a one-sentence report. */
  public static String firstLine(String m) {
    if (m == null) return "unknown error";
    int nl = m.indexOf('\n');
    return (nl > 0 ? m.substring(0, nl) : m).replaceAll("\\.$", "");
  }

  /** Every known setting can be overridden: walk the record components, look up the variable. */
  static void applyEnv(ObjectNode root, Map<String, String> env) {
    for (var section : PintuConfig.class.getRecordComponents()) {
      Class<?> type = section.getType();
      if (!type.isRecord()) continue;
      for (var setting : type.getRecordComponents()) {
        if (!scalar(setting.getType())) continue; // lists and nested records come from the file only
        String var = "PINTU_" + snake(section.getName()) + "_" + snake(setting.getName());
        String value = env.get(var);
        if (value == null) continue;
        JsonNode existing = root.get(section.getName());
        ObjectNode node = existing instanceof ObjectNode o ? o : root.putObject(section.getName());
        node.put(setting.getName(), value);
      }
    }
  }

  private static boolean scalar(Class<?> t) {
    return t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class;
  }

  /** Admin tokens are named by environment variable in config; their values come from the environment only. */
  static void resolveAdminTokens(ObjectNode root, Map<String, String> env) {
    JsonNode admin = root.get("admin");
    if (!(admin instanceof ObjectNode a) || !a.hasNonNull("tokens")) return;
    ObjectNode secrets = a.putObject("secrets");
    for (String ref : a.get("tokens").asText().split(",")) {
      String[] roleVar = ref.trim().split(":", 2);
      if (roleVar.length == 2) {
        String value = env.get(roleVar[1].trim());
        if (value != null && !value.isBlank()) secrets.put(roleVar[1].trim(), value);
      }
    }
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
