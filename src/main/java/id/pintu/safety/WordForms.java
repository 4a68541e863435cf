package id.pintu.safety;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The forms one word is matched by: its spelling with doubled letters folded ({@code c:}), its
 * Indonesian stem ({@code i:}, Lucene's {@link IndonesianStemmer}: dibunuh, membunuhnya,
 * pembunuhan → bunuh) and its English stem ({@code e:}, Snowball's English stemmer: killed,
 * killing → kill). A lexicon word and a family's word match when they share a form.
 *
 * <p>What no library does is ours: chat Indonesian's colloquial affixes. {@code -in}
 * (bunuhin), {@code nge-} (ngebunuh), {@code ku-} (kubunuh), and the nasal prefixes with the
 * first consonant they swallow: mukul → pukul, nampar → tampar, nyiksa → siksa, ngancam → ancam,
 * and Lucene's formal ones where it leaves the consonant off (memukul → ukul, menelan → elan).
 * Only the family's word gets these guesses; the lexicon side keeps its plain stems, so a guess
 * can only ever land on a word an admin listed.
 *
 * <p>Thread-safe: the stemmers keep state, so each thread has its own.
 */
final class WordForms {
  private static final ThreadLocal<IndonesianStemmer> ID = ThreadLocal.withInitial(IndonesianStemmer::new);
  private static final ThreadLocal<EnglishStemmer> EN = ThreadLocal.withInitial(EnglishStemmer::new);

  private static final CharArraySet ID_STOP = IndonesianAnalyzer.getDefaultStopSet();
  private static final CharArraySet EN_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  private WordForms() {}

  /** A function word by Lucene's Indonesian or English stop list, or a word of two letters or fewer. */
  static boolean isFunctionWord(String w) {
    return w.length() <= 2 || ID_STOP.contains(w) || EN_STOP.contains(w);
  }

  /** Every run of a repeated letter folded to one: tolong, tollong → tolong; kill → kil. */
  static String fold(String w) {
    StringBuilder b = null;
    for (int i = 1; i < w.length(); i++) {
      // Doubled letters are chat spelling (tollong); doubled digits are a number (11 is not 1).
      if (w.charAt(i) == w.charAt(i - 1) && !Character.isDigit(w.charAt(i))) {
        if (b == null) b = new StringBuilder(w.length()).append(w, 0, i);
      } else if (b != null) {
        b.append(w.charAt(i));
      }
    }
    return b == null ? w : b.toString();
  }

  static String indonesianStem(String w) {
    return indonesianStem(w, true);
  }

  /** With {@code derivational} false, only particles and possessives go: pelakunya → pelaku. */
  static String indonesianStem(String w, boolean derivational) {
    char[] c = w.toCharArray();
    int n = ID.get().stem(c, c.length, derivational);
    return n <= 0 ? w : new String(c, 0, n);
  }

  static String englishStem(String w) {
    EnglishStemmer s = EN.get();
    s.setCurrent(w);
    s.stem();
    return s.getCurrent();
  }

  static boolean ascii(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) >= 128) return false;
    }
    return true;
  }

  /**
   * The keys a lexicon word is found under. A root the admin wrote ("bunuh") finds every
   * derived form; a derived form ("pelaku", "kemaluan") finds only itself with its endings
   * (pelakunya), because its root may mean something else (laku, malu).
   */
  static Set<String> ofLexiconWord(String w) {
    Set<String> keys = new LinkedHashSet<>(4);
    keys.add("c:" + fold(w));
    String root = indonesianStem(w);
    if (root.equals(indonesianStem(w, false))) keys.add("i:" + root);
    else keys.add("j:" + indonesianStem(w, false));
    if (ascii(w)) keys.add("e:" + englishStem(w));
    return keys;
  }

  /** The keys a family's word is looked up under: all its forms, plus colloquial guesses. */
  static Set<String> ofMessageWord(String w) {
    Set<String> keys = new LinkedHashSet<>(8);
    keys.add("c:" + fold(w));
    keys.add("i:" + indonesianStem(w));
    keys.add("j:" + indonesianStem(w, false));
    if (ascii(w)) keys.add("e:" + englishStem(w));
    if (w.length() < 4) return keys;
    for (String guess : colloquialRoots(w)) {
      keys.add("c:" + fold(guess)); // dikunciin finds =dikunci
      keys.add("i:" + guess);
      keys.add("i:" + indonesianStem(guess));
    }
    return keys;
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** Roots a chat spelling may stand for; may include non-words, which match nothing. */
  static Set<String> colloquialRoots(String w) {
    Set<String> out = new LinkedHashSet<>(4);
    String base = w;
    if (base.endsWith("in") && base.length() >= 6) {
      base = base.substring(0, base.length() - 2); // bunuhin, pukulin, mukulin
      out.add(base);
    } else if (base.endsWith("nya") && base.length() >= 7) {
      base = base.substring(0, base.length() - 3);
      out.add(base);
    }
    String[] stems = {w, base};
    for (String s : stems) {
      addPrefixGuesses(s, out);
    }
    return out;
  }

  private static void addPrefixGuesses(String s, Set<String> out) {
    int n = s.length();
    if (n < 5) return;
    if (s.startsWith("nge") && !vowel(s.charAt(3))) out.add(s.substring(3)); // ngebunuh
    if (s.startsWith("ku") && !vowel(s.charAt(2))) out.add(s.substring(2)); // kubunuh
    if (s.startsWith("di") && n >= 6) out.add(s.substring(2)); // dibunuhin
    if (s.startsWith("ke") && n >= 6) out.add(s.substring(2)); // kepukul, ketabrak
    // me-/pe- with the nasal that swallowed the first consonant
    for (String pre : new String[] {"meny", "peny", "ny"}) {
      if (s.startsWith(pre) && s.length() > pre.length() + 2 && vowel(s.charAt(pre.length()))) {
        out.add("s" + s.substring(pre.length())); // menyiksa, nyiksa, nyilet
        return;
      }
    }
    for (String pre : new String[] {"meng", "peng", "ng"}) {
      if (s.startsWith(pre) && s.length() > pre.length() + 2 && vowel(s.charAt(pre.length()))) {
        out.add(s.substring(pre.length())); // ngancam
        out.add("k" + s.substring(pre.length())); // ngirim
        return;
      }
    }
    for (String pre : new String[] {"mem", "pem", "m"}) {
      if (s.startsWith(pre) && s.length() > pre.length() + 2 && vowel(s.charAt(pre.length()))) {
        out.add("p" + s.substring(pre.length())); // memukul, mukul
        return;
      }
    }
    for (String pre : new String[] {"men", "pen", "n"}) {
      if (s.startsWith(pre) && s.length() > pre.length() + 2 && vowel(s.charAt(pre.length()))) {
        out.add("t" + s.substring(pre.length())); // menendang, nampar, nusuk
        return;
      }
    }
  }
}
