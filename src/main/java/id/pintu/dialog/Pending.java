package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A question the engine itself asked, outside the script, awaiting an answer. */
public enum Pending {
  NONE,
  /** "Do you really want to stop?" after /berhenti. */
  CONFIRM_STOP,
  /** "Would you rather talk to a person?" after three misses. */
  OFFER_PERSON,
  /** "Do you really want your data erased?" after /hapus. */
  CONFIRM_ERASE,
  /**
   * The direct safety question ("are you thinking of ending your life?") after a concern;
   * the category asked about is the last of {@link SessionState#asked()}.
   */
  ASK_DIRECTLY;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Pending parse(String s) {
    return Pending.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
