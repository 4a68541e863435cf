package id.pintu.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validation of a {@link Lexicon}, in words an admin can act on. Each problem names the
 * entry: its category, its number in that category (from 1) and its first phrase.
 */
public final class LexiconProblems {
  private LexiconProblems() {}

  /** Allowed values of an entry's {@code level}. */
  public static final List<String> LEVELS = List.of("urgent", "concern");

  /** Largest {@code gap} / {@code max_gap} accepted: more would match unrelated words. */
  public static final int MAX_GAP = 3;

  /** Every problem found; empty when the lexicon can be used. */
  public static List<String> check(Lexicon lexicon) {
    List<String> problems = new ArrayList<>();
    if (lexicon == null) {
      return List.of("the lexicon is empty");
    }
    ChatNormalizer normalizer = new ChatNormalizer(lexicon.normalisation());
    checkNormalisation(lexicon.normalisation(), normalizer, problems);

    if (lexicon.categories() == null || lexicon.categories().isEmpty()) {
      problems.add("there are no categories");
    }
    Map<String, String> seen = new HashMap<>(); // phrase key -> where first seen
    for (Map.Entry<String, List<Lexicon.Entry>> cat : lexicon.categoriesOrEmpty().entrySet()) {
      String category = cat.getKey();
      if (!Lexicon.KNOWN_CATEGORIES.contains(category)) {
        problems.add("unknown category '" + category + "' (known: "
            + String.join(", ", new TreeSet<>(Lexicon.KNOWN_CATEGORIES)) + ")");
      }
      List<Lexicon.Entry> entries = cat.getValue() == null ? List.of() : cat.getValue();
      if (entries.isEmpty()) {
        problems.add("category '" + category + "' has no entries");
      }
      for (int i = 0; i < entries.size(); i++) {
        checkEntry(category, i, entries.get(i), normalizer, seen, problems);
      }
    }

    checkWordList("negations", lexicon.negations(), normalizer, problems);
    checkWordList("negation_bridge", lexicon.negationBridge(), normalizer, problems);
    if (lexicon.hyperbole() != null) {
      Integer window = lexicon.hyperbole().window();
      if (window != null && (window < 0 || window > 20)) {
        problems.add("hyperbole window " + window + " must be between 0 and 20");
      }
      checkWordList("hyperbole context", lexicon.hyperbole().context(), normalizer, problems);
    }
    if (lexicon.history() != null) {
      Integer window = lexicon.history().window();
      if (window != null && (window < 0 || window > 20)) {
        problems.add("history window " + window + " must be between 0 and 20");
      }
      checkWordList("history words", lexicon.history().words(), normalizer, problems);
    }
    if (lexicon.matching() != null) {
      Integer gap = lexicon.matching().maxGap();
      if (gap != null && (gap < 0 || gap > MAX_GAP)) {
        problems.add("matching max_gap " + gap + " must be between 0 and " + MAX_GAP);
      }
      Integer reach = lexicon.matching().negationReach();
      if (reach != null && (reach < 0 || reach > 5)) {
        problems.add("matching negation_reach " + reach + " must be between 0 and 5");
      }
    }
    return List.copyOf(problems);
  }

  static String entryName(String category, int index, Lexicon.Entry entry) {
    String first = entry == null || entry.phrase() == null || entry.phrase().isEmpty()
        ? "" : " \"" + Phrase.display(entry.phrase().get(0)) + "\"";
    return category + " entry " + (index + 1) + first;
  }

  private static void checkEntry(String category, int index, Lexicon.Entry entry,
      ChatNormalizer normalizer, Map<String, String> seen, List<String> problems) {
    String name = entryName(category, index, entry);
    if (entry == null) {
      problems.add(name + ": empty entry");
      return;
    }
    if (entry.level() == null || entry.level().isBlank()) {
      problems.add(name + ": missing level (use urgent or concern)");
    } else if (!LEVELS.contains(entry.level().trim().toLowerCase(Locale.ROOT))) {
      problems.add(name + ": unknown level '" + entry.level() + "' (use urgent or concern)");
    }
    if (entry.gap() != null && (entry.gap() < 0 || entry.gap() > MAX_GAP)) {
      problems.add(name + ": gap " + entry.gap() + " must be between 0 and " + MAX_GAP);
    }
    String withKey = "";
    if (entry.onlyWith() != null) {
      if (entry.onlyWith().isEmpty()) {
        problems.add(name + ": only_with is empty");
      }
      List<String> keys = new ArrayList<>();
      for (String w : entry.onlyWith()) {
        Phrase p = Phrase.parse(w, normalizer);
        if (p.words().isEmpty()) {
          problems.add(name + ": only_with has an empty phrase");
        } else {
          keys.add(p.key());
        }
      }
      keys.sort(null);
      withKey = " with " + keys;
    }
    if (entry.unless() != null) {
      for (String u : entry.unless()) {
        if (Phrase.parse(u, normalizer).words().isEmpty()) {
          problems.add(name + ": unless has an empty phrase");
        }
      }
    }
    if (entry.phrase() == null || entry.phrase().isEmpty()) {
      problems.add(name + ": empty phrase");
      return;
    }
    for (int k = 0; k < entry.phrase().size(); k++) {
      String written = entry.phrase().get(k);
      if (written == null || written.isBlank()) {
        problems.add(name + ": empty phrase (alternative " + (k + 1) + ")");
        continue;
      }
      Phrase p = Phrase.parse(written, normalizer);
      if (p.words().isEmpty()) {
        problems.add(name + ": phrase \"" + Phrase.display(written) + "\" has no words to match");
        continue;
      }
      String key = p.key() + withKey;
      String where = name + " (\"" + Phrase.display(written) + "\")";
      String before = seen.putIfAbsent(key, where);
      if (before != null) {
        problems.add("duplicate phrase \"" + p.key() + "\": " + where + " repeats " + before);
      }
    }
  }

  private static void checkWordList(String what, List<String> words, ChatNormalizer normalizer, List<String> problems) {
    if (words == null) {
      return;
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w == null || w.isBlank() || Phrase.parse(w, normalizer).words().isEmpty()) {
        problems.add(what + " item " + (i + 1) + " is empty");
      }
    }
  }

  private static void checkNormalisation(Lexicon.Normalisation n, ChatNormalizer normalizer, List<String> problems) {
    if (n == null) {
      return;
    }
    if (n.abbreviations() != null) {
      for (Map.Entry<String, String> e : n.abbreviations().entrySet()) {
        String k = e.getKey();
        if (k == null || k.isBlank() || k.trim().contains(" ")) {
          problems.add("abbreviation '" + k + "' must be one word");
        }
        if (e.getValue() == null || e.getValue().isBlank()) {
          problems.add("abbreviation '" + k + "' has no replacement");
        }
      }
      // a cycle (a: b, b: a) would make words disappear into each other
      Map<String, String[]> abbr = normalizer.abbreviations();
      for (Map.Entry<String, String[]> e : abbr.entrySet()) {
        for (String w : e.getValue()) {
          if (abbr.containsKey(w) && !w.equals(e.getKey())) {
            problems.add("abbreviation '" + e.getKey() + "' leads back to '" + w + "' (a cycle)");
          }
        }
      }
    }
    if (n.numberLetters() != null) {
      for (Map.Entry<String, String> e : n.numberLetters().entrySet()) {
        String k = e.getKey();
        String v = e.getValue();
        if (k == null || k.length() != 1 || k.charAt(0) >= 128 || Character.isLetter(k.charAt(0))) {
          problems.add("number_letters key '" + k + "' must be one digit or symbol");
        }
        if (v == null || v.length() != 1 || !Character.isLetter(v.charAt(0))) {
          problems.add("number_letters '" + k + "' must map to one letter");
        }
      }
    }
    if (n.symbols() != null) {
      for (Map.Entry<String, String> e : n.symbols().entrySet()) {
        String k = e.getKey();
        if (k == null || k.isEmpty() || k.codePointCount(0, k.length()) != 1) {
          problems.add("symbol '" + k + "' must be a single character or emoji");
        }
        if (e.getValue() == null || e.getValue().isBlank()) {
          problems.add("symbol '" + k + "' has no word");
        }
      }
    }
  }
}
