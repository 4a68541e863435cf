package id.pintu.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * Finds the lexicon word a misspelt word stands for ("diperkoas", "bunih diri"): one edit away
 * (a letter wrong, missing, extra, or two swapped), decided by Lucene's Levenshtein automata.
 *
 * <p>Candidates come from a deletion index (each lexicon word filed under itself and every
 * spelling with one letter left out), so a word is compared with a handful of automata, not
 * with the whole vocabulary. Short words are never corrected (too many real words lie one
 * letter apart), nor are everyday words from Lucene's Indonesian and English stop lists
 * ("tampak" is not a typo of "tampar").
 */
final class TypoIndex {
  private static final CharArraySet EVERYDAY = everyday();

  private final int minLength;
  private final Map<String, List<Integer>> byDeletion = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private final List<CharacterRunAutomaton> automata = new ArrayList<>();

  /** @param minLength words shorter than this are never corrected; 0 turns correction off */
  TypoIndex(int minLength) {
    this.minLength = minLength;
  }

  private static CharArraySet everyday() {
    CharArraySet set = new CharArraySet(IndonesianAnalyzer.getDefaultStopSet(), false);
    set.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(set);
  }

  /** Files a lexicon form (already folded) for correction. */
  void add(String word) {
    if (minLength <= 0 || word.length() < minLength - 1 || words.contains(word)) return;
    int id = words.size();
    words.add(word);
    automata.add(new CharacterRunAutomaton(new LevenshteinAutomata(word, true).toAutomaton(1)));
    file(word, id);
    for (int i = 0; i < word.length(); i++) {
      file(word.substring(0, i) + word.substring(i + 1), id);
    }
  }

  private void file(String key, int id) {
    List<Integer> ids = byDeletion.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (!ids.contains(id)) ids.add(id);
  }

  /** The lexicon forms within one edit of {@code word}, or none. */
  List<String> near(String word) {
    if (minLength <= 0 || word.length() < minLength || EVERYDAY.contains(word)) return List.of();
    List<String> out = null;
    out = collect(word, word, out);
    for (int i = 0; i < word.length(); i++) {
      out = collect(word.substring(0, i) + word.substring(i + 1), word, out);
    }
    return out == null ? List.of() : out;
  }

  private List<String> collect(String key, String word, List<String> out) {
    List<Integer> ids = byDeletion.get(key);
    if (ids == null) return out;
    for (int id : ids) {
      String w = words.get(id);
      if (!w.equals(word) && automata.get(id).run(word)) {
        if (out == null) out = new ArrayList<>(2);
        if (!out.contains(w)) out.add(w);
      }
    }
    return out;
  }
}
