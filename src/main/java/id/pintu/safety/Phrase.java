package id.pintu.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * One lexicon phrase in matching form: its words, and which of them match by prefix
 * ({@code dipukul*}). Package-private: shared by validation and compilation so both agree.
 */
record Phrase(String written, List<String> words, List<Boolean> prefix) {

  /** The phrase in matching form, prefixes marked with '*'; used to find duplicates. */
  String key() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) sb.append(' ');
      sb.append(words.get(i));
      if (prefix.get(i)) sb.append('*');
    }
    return sb.toString();
  }

  /** How an admin wrote it: trimmed, lower case, single spaces. */
  static String display(String written) {
    return written == null ? "" : written.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a written phrase; an empty word list means it has no usable words. */
  static Phrase parse(String written, ChatNormalizer normalizer) {
    List<String> words = new ArrayList<>();
    List<Boolean> prefix = new ArrayList<>();
    if (written != null) {
      for (String part : written.trim().split("\\s+")) {
        if (part.isEmpty()) continue;
        if (part.endsWith("*")) {
          String stem = normalizer.wordStem(part.substring(0, part.length() - 1));
          if (!stem.isEmpty()) {
            words.add(stem);
            prefix.add(true);
          }
        } else {
          ChatNormalizer.Tokens t = normalizer.tokenize(part);
          for (int i = 0; i < t.size(); i++) {
            words.add(t.word(i));
            prefix.add(false);
          }
        }
      }
    }
    return new Phrase(display(written), List.copyOf(words), List.copyOf(prefix));
  }
}
