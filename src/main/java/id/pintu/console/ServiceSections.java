package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and rewrites the top-level sections of {@code service.yaml} the forms edit
 * ({@code help_contacts}, {@code referrals}, {@code office_hours}). A rewrite replaces only
 * the lines of that one section, so the rest of the file (other sections, the comments
 * around them) stays exactly as the admin wrote it; comments inside a rewritten section are lost.
 */
final class ServiceSections {
  static final List<String> EDITABLE = List.of("help_contacts", "referrals", "office_hours");
  private static final Pattern TOP_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*:.*");
  private static final ObjectMapper YAML_READ = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper YAML_WRITE = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private ServiceSections() {}

  /** The editable sections as a tree (missing ones as null). */
  static ObjectNode read(String yaml) throws IOException {
    JsonNode all = yaml == null || yaml.isBlank() ? null : YAML_READ.readTree(yaml);
    ObjectNode out = YAML_READ.createObjectNode();
    for (String k : EDITABLE) out.set(k, all == null || all.get(k) == null ? null : all.get(k));
    return out;
  }

  /** {@code yaml} with section {@code key} replaced by {@code value} (appended when it was not there). */
  static String replace(String yaml, String key, JsonNode value) throws IOException {
    ObjectNode wrapper = YAML_WRITE.createObjectNode();
    wrapper.set(key, value);
    String section = YAML_WRITE.writeValueAsString(wrapper);
    if (!section.endsWith("\n")) section += "\n";
    String[] lines = (yaml == null ? "" : yaml).split("\n", -1);
    int start = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":")) {
        start = i;
        break;
      }
    }
    List<String> out = new ArrayList<>();
    if (start < 0) {
      String text = yaml == null ? "" : yaml;
      if (!text.isEmpty() && !text.endsWith("\n")) text += "\n";
      return text + (text.isEmpty() ? "" : "\n") + section;
    }
    int next = lines.length;
    for (int i = start + 1; i < lines.length; i++) {
      if (TOP_KEY.matcher(lines[i]).matches()) {
        next = i;
        break;
      }
    }
    // Blank lines and top-level comments just before the next section belong to it.
    int end = next;
    while (end > start + 1 && (lines[end - 1].isBlank() || lines[end - 1].startsWith("#"))) end--;
    for (int i = 0; i < start; i++) out.add(lines[i]);
    StringBuilder b = new StringBuilder(String.join("\n", out));
    if (!out.isEmpty()) b.append('\n');
    b.append(section);
    for (int i = end; i < lines.length; i++) {
      b.append(lines[i]);
      if (i < lines.length - 1) b.append('\n');
    }
    return b.toString();
  }
}
