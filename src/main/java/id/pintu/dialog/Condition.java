package id.pintu.dialog;

import java.util.List;

/**
 * A test on the conversation so far, used by {@code branch} nodes. All given parts must
 * hold: {@code field} with {@code equals} / {@code in} / {@code present}, and {@code flag}.
 */
public record Condition(String field, String equals, List<String> in, Boolean present, String flag) {

  boolean holds(java.util.Map<String, String> fields, java.util.Collection<String> flags) {
    if (flag != null && !flags.contains(flag)) return false;
    if (field != null) {
      String v = fields.get(field);
      if (present != null && present != (v != null)) return false;
      if (equals != null && !equals.equalsIgnoreCase(v == null ? "" : v)) return false;
      if (in != null && (v == null || in.stream().noneMatch(v::equalsIgnoreCase))) return false;
    }
    return true;
  }
}
