package id.pintu.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code config/pintu.yaml} and lets environment variables override any setting:
 * {@code PINTU_<SECTION>_<SETTING>} in upper snake case, e.g. {@code PINTU_TELEGRAM_TOKEN},
 * {@code PINTU_TELEGRAM_API_URL}, {@code PINTU_STORE_URL}, {@code PINTU_SENDING_GLOBAL_PER_SECOND}.
 * {@code PINTU_HTTP_PORT} sets the HTTP port.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  public static PintuConfig load(Path file, Map<String, String> env) throws IOException {
    ObjectNode root = Files.isRegularFile(file) && Files.size(file) > 0
        ? (ObjectNode) YAML.readTree(file.toFile())
        : YAML.createObjectNode();
    if (root == null) root = YAML.createObjectNode();
    applyEnv(root, env);
    resolveAdminTokens(root, env);
    return YAML.treeToValue(root, PintuConfig.class);
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
