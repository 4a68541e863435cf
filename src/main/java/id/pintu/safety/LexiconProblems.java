package id.pintu.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validation of a {@link Lexicon}, in words an admin can act on. Each problem names the place:
 * the concept, the frame (by its id) or the stance list, and the item's number from 1.
 */
public final class LexiconProblems {
  private LexiconProblems() {}

  /** Allowed values of a frame's {@code level}. */
  public static final List<String> LEVELS = List.of("urgent", "concern");

  /** Largest {@code gap} accepted: more would match unrelated words. */
  public static final int MAX_GAP = 3;

  /** Largest frame window: beyond this, words of different sentences meet by chance. */
  public static final int MAX_WINDOW = 40;

  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

  /** Every problem found; empty when the lexicon can be used. */
  public static List<String> check(Lexicon lexicon) {
    List<String> problems = new ArrayList<>();
    if (lexicon == null) {
      return List.of("the lexicon is empty");
    }
    if (lexicon.version() != null && lexicon.version() != 2) {
      return List.of("version " + lexicon.version() + " is not this program's lexicon format: write version: 2 with"
          + " concepts and frames (see the guide at the top of dialogs/crisis-lexicon.yaml)");
    }
    ChatNormalizer normalizer = new ChatNormalizer(lexicon.normalisation());
    checkNormalisation(lexicon.normalisation(), normalizer, problems);

    Map<String, Lexicon.Concept> concepts = lexicon.conceptsOrEmpty();
    if (concepts.isEmpty()) {
      problems.add("there are no concepts");
    }
    for (Map.Entry<String, Lexicon.Concept> c : concepts.entrySet()) {
      String name = c.getKey();
      if (name == null || !NAME.matcher(name).matches()) {
        problems.add("concept name '" + name + "' must be lower-case letters, digits and _ (starting with a letter)");
      }
      Lexicon.Concept concept = c.getValue();
      if (concept == null || concept.words() == null || concept.words().isEmpty()) {
        problems.add("concept '" + name + "' has no words");
        continue;
      }
      checkPhrases("concept '" + name + "'", concept.words(), normalizer, problems, true);
      if (concept.except() != null) {
        checkPhrases("concept '" + name + "' except", concept.except(), normalizer, problems, false);
      }
    }

    List<Lexicon.Frame> frames = lexicon.framesOrEmpty();
    if (frames.isEmpty()) {
      problems.add("there are no frames");
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < frames.size(); i++) {
      checkFrame(i, frames.get(i), concepts, ids, problems);
    }

    Lexicon.Stance st = lexicon.stance();
    if (st != null) {
      checkPhrases("stance negations", st.negations(), normalizer, problems, false);
      checkPhrases("stance negation_bridge", st.negationBridge(), normalizer, problems, false);
      range(problems, "stance negation_reach", st.negationReach(), 0, 5);
      if (st.joke() != null) {
        range(problems, "stance joke window", st.joke().window(), 0, 20);
        checkPhrases("stance joke context", st.joke().context(), normalizer, problems, false);
        checkPhrases("stance joke laughter", st.joke().laughter(), normalizer, problems, false);
      }
      if (st.past() != null) {
        range(problems, "stance past window", st.past().window(), 0, 20);
        checkPhrases("stance past words", st.past().words(), normalizer, problems, false);
        checkPhrases("stance past present", st.past().present(), normalizer, problems, false);
      }
      checkPhrases("stance report", st.report(), normalizer, problems, false);
    }
    if (lexicon.matching() != null) {
      range(problems, "matching gap", lexicon.matching().gap(), 0, MAX_GAP);
      range(problems, "matching window", lexicon.matching().window(), 1, MAX_WINDOW);
      Integer typo = lexicon.matching().typoMinLength();
      if (typo != null && typo != 0 && (typo < 5 || typo > 20)) {
        problems.add("matching typo_min_length " + typo + " must be 0 (no typo matching) or between 5 and 20");
      }
    }
    return List.copyOf(problems);
  }

  private static void range(List<String> problems, String what, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problems.add(what + " " + value + " must be between " + min + " and " + max);
    }
  }

  private static void checkFrame(int index, Lexicon.Frame f, Map<String, Lexicon.Concept> concepts,
      Map<String, Integer> ids, List<String> problems) {
    String name = "frame " + (index + 1) + (f == null || f.id() == null ? "" : " '" + f.id() + "'");
    if (f == null) {
      problems.add(name + ": empty frame");
      return;
    }
    if (f.id() == null || f.id().isBlank()) {
      problems.add(name + ": missing id");
    } else {
      Integer before = ids.putIfAbsent(f.id(), index + 1);
      if (before != null) problems.add(name + ": the id is used by frame " + before + " too");
    }
    if (f.category() == null || !Lexicon.KNOWN_CATEGORIES.contains(f.category())) {
      problems.add(name + ": unknown category '" + f.category() + "' (known: "
          + String.join(", ", new TreeSet<>(Lexicon.KNOWN_CATEGORIES)) + ")");
    }
    if (f.level() == null || f.level().isBlank()) {
      problems.add(name + ": missing level (use urgent or concern)");
    } else if (!LEVELS.contains(f.level().trim().toLowerCase(Locale.ROOT))) {
      problems.add(name + ": unknown level '" + f.level() + "' (use urgent or concern)");
    }
    if (f.all() == null || f.all().isEmpty()) {
      problems.add(name + ": 'all' names no concepts");
    } else {
      for (String part : f.all()) checkPart(name, "all", part, concepts, problems);
    }
    if (f.lowerWith() != null) {
      for (String part : f.lowerWith()) checkPart(name, "lower_with", part, concepts, problems);
    }
    range(problems, name + ": window", f.window(), 1, MAX_WINDOW);
  }

  private static void checkPart(String frame, String key, String part, Map<String, Lexicon.Concept> concepts,
      List<String> problems) {
    if (part == null || part.isBlank()) {
      problems.add(frame + ": an empty item in " + key);
      return;
    }
    for (String c : part.split("\\|")) {
      if (!concepts.containsKey(c.trim())) {
        problems.add(frame + ": " + key + " names concept '" + c.trim() + "', which is not defined under concepts");
      }
    }
  }

  private static void checkPhrases(String what, List<String> phrases, ChatNormalizer normalizer,
      List<String> problems, boolean duplicates) {
    if (phrases == null) return;
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < phrases.size(); i++) {
      String w = phrases.get(i);
      String item = what + " item " + (i + 1);
      if (w == null || w.isBlank()) {
        problems.add(item + " is empty");
        continue;
      }
      int words = 0;
      for (String part : w.trim().split("\\s+")) {
        if (part.equals("#")) {
          words++;
        } else if (part.endsWith("*") && part.length() > 1) {
          String stem = normalizer.wordStem(part.substring(0, part.length() - 1));
          if (stem.isEmpty()) continue;
          words++;
        } else {
          ChatNormalizer.Tokens t = normalizer.tokenize(part.startsWith("=") ? part.substring(1) : part);
          words += t.size();
        }
      }
      if (words == 0) {
        problems.add(item + " \"" + w.trim() + "\" has no words to match");
      } else if (words > FrameScreen.MAX_PHRASE_WORDS) {
        problems.add(item + " \"" + w.trim() + "\" has " + words + " words; at most " + FrameScreen.MAX_PHRASE_WORDS);
      } else if (duplicates) {
        // The same spelling twice is a slip; two spellings the normalisation makes equal are not
        // (the regional one still finds its own affixed forms: tambangnya, bocahe).
        Integer before = seen.putIfAbsent(w.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " "), i + 1);
        if (before != null) {
          problems.add(item + " \"" + w.trim() + "\" repeats item " + before);
        }
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
