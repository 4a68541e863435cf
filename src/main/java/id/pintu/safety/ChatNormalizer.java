package id.pintu.safety;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a family's chat message into the matching form of its words, remembering where each
 * word came from so the counselor can be shown the family's own text.
 *
 * <p>Steps, per word: lower case; accents removed ({@code é → e}); apostrophes joined
 * ({@code don't → dont}); {@code anak2 → anak anak}; digits used as letters inside a word
 * ({@code m4ti → mati}); a letter written three or more times in a row folded to one
 * ({@code tolooong → tolong}); then the
 * abbreviation map ({@code gk → tidak}, {@code gue → aku}). Punctuation and line breaks separate
 * words and also end a clause (negation does not reach across a clause). Emoji listed under
 * {@code symbols} become words (😂 → haha); other emoji are dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChatNormalizer {

  /**
   * A tokenised message. {@code words[i]} came from {@code source.substring(starts[i], ends[i])};
   * words of one abbreviation expansion share their offsets. {@code clauses[i]} numbers the clause.
   */
  public static final class Tokens {
    private final String source;
    final String[] words;
    final int[] starts;
    final int[] ends;
    final int[] clauses;
    final int size;

    Tokens(String source, String[] words, int[] starts, int[] ends, int[] clauses, int size) {
      this.source = source;
      this.words = words;
      this.starts = starts;
      this.ends = ends;
      this.clauses = clauses;
      this.size = size;
    }

    public int size() {
      return size;
    }

    public String word(int i) {
      return words[i];
    }

    public List<String> words() {
      return List.of(Arrays.copyOf(words, size));
    }

    /** The family's original text from word {@code from} to word {@code to}, inclusive. */
    public String excerpt(int from, int to) {
      return source.substring(starts[from], ends[to]);
    }

    public boolean sameClause(int a, int b) {
      return clauses[a] == clauses[b];
    }

    /** The matching form, words separated by single spaces. */
    public String text() {
      return String.join(" ", Arrays.asList(words).subList(0, size));
    }
  }

  private static final String[] NO_WORDS = new String[0];
  private static final Tokens EMPTY = new Tokens("", NO_WORDS, new int[0], new int[0], new int[0], 0);

  /** Lower-case ASCII form of Latin-1 / Latin Extended-A/B letters with accents removed. */
  private static final String[] LATIN_FOLD = new String[0x250];

  static {
    for (int c = 0x80; c < LATIN_FOLD.length; c++) {
      if (!Character.isLetter(c)) {
        continue;
      }
      String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD)
          .toLowerCase(Locale.ROOT);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < d.length(); k++) {
        char ch = d.charAt(k);
        if (Character.isLetterOrDigit(ch)) {
          sb.append(ch);
        }
      }
      LATIN_FOLD[c] = sb.toString();
    }
  }

  private final Map<String, String[]> abbreviations;
  /** Indexed by char for ASCII keys; {@code 0} means no mapping. */
  private final char[] numberLetters = new char[128];
  private final Map<Integer, String[]> symbols;

  /** A normaliser with the lexicon's abbreviation, number-letter and symbol maps. */
  public ChatNormalizer(Lexicon.Normalisation config) {
    Map<String, String> abbr = config == null || config.abbreviations() == null ? Map.of() : config.abbreviations();
    Map<String, String> nums = config == null || config.numberLetters() == null ? Map.of() : config.numberLetters();
    Map<String, String> syms = config == null || config.symbols() == null ? Map.of() : config.symbols();
    for (Map.Entry<String, String> e : nums.entrySet()) {
      String k = e.getKey();
      String v = e.getValue();
      if (k != null && v != null && k.length() == 1 && k.charAt(0) < 128 && v.length() == 1) {
        numberLetters[k.charAt(0)] = Character.toLowerCase(v.charAt(0));
      }
    }
    // Keys and values in matching form; chains (sy -> saya -> aku) resolved here, once.
    Map<String, String[]> raw = new HashMap<>();
    for (Map.Entry<String, String> e : abbr.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        continue;
      }
      Tokens key = tokenize(e.getKey(), null);
      Tokens value = tokenize(e.getValue(), null);
      if (key.size == 1 && value.size > 0) {
        raw.put(key.words[0], Arrays.copyOf(value.words, value.size));
      }
    }
    Map<String, String[]> resolved = new HashMap<>();
    for (String key : raw.keySet()) {
      resolved.put(key, resolve(key, raw, 0));
    }
    this.abbreviations = Map.copyOf(resolved);
    Map<Integer, String[]> sym = new HashMap<>();
    for (Map.Entry<String, String> e : syms.entrySet()) {
      String k = e.getKey();
      if (k == null || e.getValue() == null || k.codePointCount(0, k.length()) != 1) {
        continue;
      }
      Tokens t = tokenize(e.getValue(), abbreviations);
      if (t.size > 0) {
        sym.put(k.codePointAt(0), Arrays.copyOf(t.words, t.size));
      }
    }
    this.symbols = Map.copyOf(sym);
  }

  private static String[] resolve(String key, Map<String, String[]> raw, int depth) {
    String[] value = raw.get(key);
    if (depth > 4) {
      return value; // a cycle; LexiconProblems reports it
    }
    String[] out = new String[0];
    for (String w : value) {
      String[] next = raw.containsKey(w) && !w.equals(key) ? resolve(w, raw, depth + 1) : new String[] {w};
      int n = out.length;
      out = Arrays.copyOf(out, n + next.length);
      System.arraycopy(next, 0, out, n, next.length);
    }
    return out;
  }

  /** The normalised words of {@code text}, separated by single spaces ("" for null). */
  public String normalize(String text) {
    return tokenize(text).text();
  }

  /** Tokenises a message; never throws, returns no words for null or empty text. */
  public Tokens tokenize(String text) {
    return tokenize(text, abbreviations);
  }

  /** The matching form of one lexicon word without the abbreviation map (for {@code word*}). */
  String wordStem(String word) {
    Tokens t = tokenize(word, null);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < t.size; i++) {
      sb.append(t.words[i]);
    }
    return sb.toString();
  }

  /** The abbreviation map in matching form (resolved), for validation. */
  Map<String, String[]> abbreviations() {
    return abbreviations;
  }

  private static boolean isClauseEnd(int cp) {
    switch (cp) {
      case '.': case ',': case '!': case '?': case ';': case ':': case '\n': case '\r':
      case '(': case ')': case '"': case '\u2026': case '\u201C': case '\u201D':
        return true;
      default:
        return false;
    }
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`';
  }

  private Tokens tokenize(String text, Map<String, String[]> abbr) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    Builder out = new Builder(text);
    StringBuilder word = new StringBuilder(16);
    int wordStart = -1;
    int len = text.length();
    int i = 0;
    while (i < len) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp < 128) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
          if (wordStart < 0) wordStart = i;
          word.append((char) cp);
        } else if (cp >= 'A' && cp <= 'Z') {
          if (wordStart < 0) wordStart = i;
          word.append((char) (cp + 32));
        } else if (wordStart >= 0 && (isApostrophe(cp) || numberLetters[cp] != 0)
            && next < len && Character.isLetterOrDigit(text.codePointAt(next))) {
          if (!isApostrophe(cp)) word.append((char) cp); // e.g. '@' used for 'a'
        } else {
          if (wordStart >= 0) {
            finish(word, wordStart, i, out, abbr);
            wordStart = -1;
          }
          if (isClauseEnd(cp)) out.boundary();
        }
      } else if (Character.isLetterOrDigit(cp)) {
        if (wordStart < 0) wordStart = i;
        if (cp < LATIN_FOLD.length && LATIN_FOLD[cp] != null) {
          word.append(LATIN_FOLD[cp]);
        } else {
          word.appendCodePoint(Character.toLowerCase(cp));
        }
      } else {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
          // part of the word before it (or a zero-width joiner): skip, keep the word going
        } else if (wordStart >= 0 && isApostrophe(cp) && next < len
            && Character.isLetterOrDigit(text.codePointAt(next))) {
          // don’t -> dont
        } else {
          if (wordStart >= 0) {
            finish(word, wordStart, i, out, abbr);
            wordStart = -1;
          }
          if (isClauseEnd(cp)) {
            out.boundary();
          } else if (abbr != null && symbols != null) {
            String[] sym = symbols.get(cp);
            if (sym != null) {
              for (String s : sym) out.add(s, i, next);
            }
          }
        }
      }
      i = next;
    }
    if (wordStart >= 0) {
      finish(word, wordStart, len, out, abbr);
    }
    return out.build();
  }

  private void finish(StringBuilder raw, int start, int end, Builder out, Map<String, String[]> abbr) {
    int n = raw.length();
    if (n == 0) {
      return;
    }
    boolean hasLetter = false;
    boolean hasOther = false; // digits or symbols such as '@'
    for (int k = 0; k < n; k++) {
      char c = raw.charAt(k);
      if ((c >= 'a' && c <= 'z') || (c >= 128 && Character.isLetter(c))) hasLetter = true;
      else hasOther = true;
    }
    int repeat = 1;
    if (hasLetter) {
      // In place: digits-for-letters, reduplication, and collapsing repeated letters.
      int kept = 0;
      boolean prevLetter = false; // of the original text: raw is overwritten behind k
      for (int k = 0; k < n; k++) {
        char c = raw.charAt(k);
        boolean letter = Character.isLetter(c);
        boolean afterLetter = prevLetter;
        prevLetter = letter;
        if (hasOther) {
          if (c == '2' && afterLetter) {
            // reduplication: anak2 -> anak anak, anak2nya -> anaknya
            if (k == n - 1) repeat = 2;
            continue;
          }
          char m = c < 128 ? numberLetters[c] : 0;
          if (m != 0) c = m;
        }
        raw.setCharAt(kept++, c);
      }
      raw.setLength(kept);
      foldLongRuns(raw);
    }
    // digits-only words such as phone numbers stay as written
    if (raw.length() == 0) {
      return;
    }
    String token = raw.toString();
    raw.setLength(0);
    String[] expanded = abbr == null ? null : abbr.get(token);
    if (expanded == null && abbr != null) {
      expanded = abbr.get(WordForms.fold(token)); // gakk, ajaaa
    }
    for (int r = 0; r < repeat; r++) {
      if (expanded == null) {
        out.add(token, start, end);
      } else {
        for (String e : expanded) out.add(e, start, end);
      }
    }
  }

  /**
   * A letter written three or more times in a row is one letter (tolooong → tolong, mattiii →
   * mati); a doubled letter stays, since words have them (maaf, tinggal, kill) and the stemmers
   * need them. Matching also compares folded spellings, so "matti" still finds "mati".
   */
  private static void foldLongRuns(StringBuilder raw) {
    int kept = 0;
    int n = raw.length();
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      int j = i;
      while (j < n && raw.charAt(j) == c) j++;
      int run = j - i;
      int write = run >= 3 && Character.isLetter(c) ? 1 : run;
      for (int k = 0; k < write; k++) raw.setCharAt(kept++, c);
      i = j;
    }
    raw.setLength(kept);
  }

  private static final class Builder {
    private final String source;
    private String[] words = new String[16];
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] clauses = new int[16];
    private int size;
    private int clause;
    private boolean pendingBoundary;

    Builder(String source) {
      this.source = source;
    }

    void boundary() {
      pendingBoundary = true;
    }

    void add(String w, int start, int end) {
      if (size == words.length) {
        int cap = size * 2;
        words = Arrays.copyOf(words, cap);
        starts = Arrays.copyOf(starts, cap);
        ends = Arrays.copyOf(ends, cap);
        clauses = Arrays.copyOf(clauses, cap);
      }
      if (pendingBoundary && size > 0) {
        clause++;
      }
      pendingBoundary = false;
      words[size] = w;
      starts[size] = start;
      ends[size] = end;
      clauses[size] = clause;
      size++;
    }

    Tokens build() {
      return size == 0 ? EMPTY : new Tokens(source, words, starts, ends, clauses, size);
    }
  }
}
