package id.pintu.safety;

import java.util.Locale;
import java.util.Set;

/**
 * A deliberately small guess at a message's language, for the evaluation's "recall by
 * language" when the labelled file has no lang column. It counts common function words
 * (pronouns, particles, negations, prepositions) of Indonesian chat and of English:
 * both present → {@code mix}; only English → {@code en}; otherwise {@code id}, the service's
 * first language, which is also the answer for a message with no function word at all.
 * It is a rough guide, not a language detector: write the lang column when it matters.
 */
public final class LanguageGuess {
  private LanguageGuess() {}

  static final Set<String> INDONESIAN = Set.of(
      "aku", "saya", "sy", "gw", "gue", "gua", "kamu", "dia", "kami", "kita", "mereka",
      "yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "buat", "sama", "dengan",
      "tidak", "gak", "ga", "nggak", "enggak", "gk", "tdk", "bukan", "jangan",
      "sudah", "udah", "sdh", "belum", "lagi", "mau", "ingin", "pengen", "bisa", "ada", "harus",
      "aja", "saja", "banget", "sangat", "juga", "tapi", "karena", "kalau", "kalo", "kok",
      "ya", "yg", "dgn", "kak", "bu", "pak", "apa", "kenapa", "gimana", "bagaimana");

  static final Set<String> ENGLISH = Set.of(
      "i", "i'm", "im", "me", "my", "you", "your", "he", "she", "his", "her", "we", "they", "it",
      "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "from",
      "is", "are", "am", "was", "were", "be", "been", "have", "has", "had", "will", "would",
      "can", "can't", "cannot", "don't", "dont", "not", "do", "does", "did",
      "want", "what", "why", "how", "this", "that", "please", "so", "very");

  public static String guess(String text) {
    int id = 0;
    int en = 0;
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
      if (INDONESIAN.contains(w)) id++;
      if (ENGLISH.contains(w)) en++;
    }
    if (en > 0 && id > 0) return "mix";
    return en > 0 ? "en" : "id";
  }
}
