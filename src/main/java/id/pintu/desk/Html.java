package id.pintu.desk;

/** Escaping for Telegram's HTML parse mode: everything a family wrote goes through here. */
public final class Html {
  private Html() {}

  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  public static String clip(String s, int max) {
    if (s == null) return "";
    return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
  }
}
