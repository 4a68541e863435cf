package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One family-facing text in every language the service speaks, keyed by language code
 * ({@code id}, {@code en}). Indonesian is the fallback when a translation is missing.
 */
public record Text(Map<String, String> byLang) {
  public static final String DEFAULT_LANG = "id";

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public Text {
    byLang = byLang == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(byLang));
  }

  public static Text of(String id, String en) {
    return new Text(Map.of("id", id, "en", en));
  }

  @JsonValue
  public Map<String, String> byLang() {
    return byLang;
  }

  /** The text in {@code lang}, else Indonesian, else any; never null. */
  public String in(String lang) {
    String t = byLang.get(lang);
    if (t == null || t.isBlank()) t = byLang.get(DEFAULT_LANG);
    if (t == null) t = byLang.values().stream().findFirst().orElse("");
    return t;
  }

  public boolean has(String lang) {
    String t = byLang.get(lang);
    return t != null && !t.isBlank();
  }
}
