package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The helping technique a node applies (see docs/SCRIPTS.md and the domain notes). */
public enum Technique {
  SMALL_TALK, VENTILATION, SUPPORT, REASSURANCE, INFORMATION, INTAKE;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Technique parse(String s) {
    if (s == null) return null;
    return Technique.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
  }
}
