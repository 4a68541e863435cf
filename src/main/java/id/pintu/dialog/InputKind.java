package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an {@code ask} node expects from the family. */
public enum InputKind {
  CHOICE, YESNO, TEXT, NUMBER, CONTACT;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static InputKind parse(String s) {
    if (s == null) return null;
    String k = s.trim().toUpperCase(Locale.ROOT).replace("_", "").replace("-", "");
    return InputKind.valueOf(k);
  }
}
