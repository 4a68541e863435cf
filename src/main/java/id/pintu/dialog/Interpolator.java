package id.pintu.dialog;

import java.util.Map;

/**
 * Fills {@code {name}} placeholders from captured fields, then from the service-wide texts
 * (help contacts, office hours). An unknown or uncaptured placeholder becomes empty: the
 * validator catches unknown names before a family can see them.
 */
final class Interpolator {
  private final Map<String, Text> shared;

  Interpolator(Map<String, Text> shared) {
    this.shared = shared;
  }

  String render(Text t, String lang, Map<String, String> fields) {
    if (t == null) return "";
    String raw = t.in(lang);
    int open = raw.indexOf('{');
    if (open < 0) return raw;
    StringBuilder out = new StringBuilder(raw.length() + 32);
    int from = 0;
    while (open >= 0) {
      int close = raw.indexOf('}', open);
      if (close < 0) break;
      String name = raw.substring(open + 1, close);
      if (!isName(name)) { // not a placeholder, e.g. a literal brace
        out.append(raw, from, close + 1);
      } else {
        out.append(raw, from, open);
        String v = fields.get(name);
        if (v != null && v.length() > MAX_FIELD_IN_TEXT) v = clip(v, MAX_FIELD_IN_TEXT);
        if (v == null) {
          Text sh = shared.get(name);
          v = sh == null ? null : sh.in(lang);
        }
        out.append(v == null ? "" : v);
      }
      from = close + 1;
      open = raw.indexOf('{', from);
    }
    out.append(raw, from, raw.length());
    return out.toString();
  }

  /** How much of one captured answer a message quotes; the whole answer stays in the intake. */
  static final int MAX_FIELD_IN_TEXT = 200;

  /** Cuts {@code s} to at most {@code max} chars (ending in an ellipsis), never inside a surrogate pair. */
  static String clip(String s, int max) {
    if (s.length() <= max) return s;
    int end = max - 1;
    if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
    return s.substring(0, end) + "…";
  }

  static boolean isName(String s) {
    if (s.isEmpty() || s.length() > 64) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) return false;
    }
    return true;
  }
}
