package id.pintu.dialog;

/**
 * What of a family's text may travel: what they wrote, without the characters that change how
 * other text around it is shown or that show nothing at all. Applied to every message as it
 * arrives, so names, intake answers, the story, the transcript, the counselor's card and the
 * crisis screen all see the same clean text (an invisible character inside a word would also
 * hide it from the screen).
 *
 * <ul>
 *   <li>removed: control characters (NUL and the rest of C0 and C1) but line breaks; bidi
 *       embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the marks
 *       U+200E, U+200F, U+061C; invisible ones (U+200B, U+2060–U+2064, U+206A–U+206F, U+FEFF,
 *       U+180E, U+FFF9–U+FFFB); unpaired surrogates;</li>
 *   <li>kept where they do work: a zero-width joiner between two emoji (👩‍👧) or between two
 *       letters, a zero-width non-joiner between two letters (scripts that need them inside a
 *       word); elsewhere removed;</li>
 *   <li>made a plain space: tabs, every Unicode space (no-break, thin, ideographic) and the
 *       blank-looking fillers (U+3164, U+115F, U+1160, U+FFA0, U+2800); CR, CRLF, U+2028 and
 *       U+2029 become a line break.</li>
 * </ul>
 * Everything else, emoji (with their variation selectors, skin tones and tags) and ordinary
 * Indonesian text included, is left exactly as written. Pure and thread-safe.
 */
public final class VisibleText {
  private static final char ZWNJ = '\u200C';
  private static final char ZWJ = '\u200D';

  private VisibleText() {}

  /** The text without what should not travel; null stays null. The same text when nothing is to remove. */
  public static String clean(String text) {
    if (text == null) return null;
    int n = text.length();
    int i = 0;
    while (i < n && plain(text.charAt(i))) i++;
    if (i == n) return text; // the usual case: nothing to do, nothing copied
    StringBuilder b = new StringBuilder(n);
    b.append(text, 0, i);
    while (i < n) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '\r') {
        b.append('\n');
        if (i + 1 < n && text.charAt(i + 1) == '\n') len = 2;
      } else if (cp == '\u2028' || cp == '\u2029') {
        b.append('\n');
      } else if (cp == ZWJ) {
        if (joins(text, b, i, true)) b.append(ZWJ);
      } else if (cp == ZWNJ) {
        if (joins(text, b, i, false)) b.append(ZWNJ);
      } else if (blank(cp)) {
        b.append(' ');
      } else if (!dropped(cp)) {
        b.appendCodePoint(cp);
      }
      i += len;
    }
    return b.toString();
  }

  /** True when nothing visible is left once cleaned and trimmed: no answer at all. */
  public static boolean empty(String text) {
    return text == null || clean(text).strip().isEmpty();
  }

  /** A char that needs no look: printable ASCII, a line break, or a letter of the Latin-1 range. */
  private static boolean plain(char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || (c >= 0xC0 && c <= 0x24F);
  }

  private static boolean blank(int cp) {
    return cp == '\t' || Character.getType(cp) == Character.SPACE_SEPARATOR && cp != ' '
        || cp == 0x3164 || cp == 0x115F || cp == 0x1160 || cp == 0xFFA0 || cp == 0x2800;
  }

  private static boolean dropped(int cp) {
    int type = Character.getType(cp);
    if (type == Character.CONTROL) return cp != '\n'; // C0, DEL, C1
    if (type == Character.SURROGATE) return true; // unpaired (a pair was read as one code point)
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C
        || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF || cp == 0x180E
        || (cp >= 0xFFF9 && cp <= 0xFFFB);
  }

  /**
   * Whether the joiner at {@code at} sits inside a word or an emoji sequence: after the last
   * kept character ({@code kept}) and before the next one that will be kept.
   */
  private static boolean joins(String text, StringBuilder kept, int at, boolean zwj) {
    if (kept.length() == 0) return false;
    int before = Character.codePointBefore(kept, kept.length());
    int next = at + 1;
    while (next < text.length() && dropped(text.codePointAt(next))) next += Character.charCount(text.codePointAt(next));
    if (next >= text.length()) return false;
    int after = text.codePointAt(next);
    if (zwj && emojiPart(before) && emoji(after)) return true;
    return wordPart(before) && wordPart(after);
  }

  private static boolean wordPart(int cp) {
    int t = Character.getType(cp);
    return Character.isLetter(cp) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
  }

  /** What an emoji ZWJ sequence may have just before a joiner: an emoji, its variation selector, a skin tone, a tag. */
  private static boolean emojiPart(int cp) {
    return emoji(cp) || cp == 0xFE0F || cp == 0x20E3 || (cp >= 0xE0020 && cp <= 0xE007F);
  }

  /** Emoji blocks (pictographs, symbols and dingbats, arrows and shapes used as emoji); skin tones are in 1F3FB–1F3FF. */
  private static boolean emoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
        || (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x00A9 || cp == 0x00AE || cp == 0x2122;
  }
}
