package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Handoff priority in the counselors' queue. Ordered: higher ordinal is served first. */
public enum Priority {
  NORMAL, HIGH, URGENT;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Priority parse(String s) {
    if (s == null) return null;
    return Priority.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  public Priority max(Priority other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
