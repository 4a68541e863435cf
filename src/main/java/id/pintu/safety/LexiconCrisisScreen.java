package id.pintu.safety;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lexicon screen: finds lexicon phrases in a message as sequences of normalised words.
 *
 * <p>The lexicon is compiled once into a word trie (exact words in a hash map per node, a short
 * list of {@code word*} prefixes per node). Screening a message tokenises it once and walks the
 * trie from every word; between two phrase words up to {@code gap} other words may stand, but a
 * gap never spans a clause end (full stop, comma, line break).
 *
 * <p>Each match is then weighed, one step down (urgent → concern → not flagged) for each of:
 * <ul>
 *   <li>a negation just before the phrase ("aku <b>tidak</b> ingin bunuh diri"), possibly with a
 *       few bridge words between ("tidak <i>pernah</i> ingin ..."), within the same clause;
 *   <li>for {@code casual} entries, a hyperbole context word within the window on either side
 *       ("capek ujian, mati aku").
 * </ul>
 * The result lists the matches still flagged, most serious first, each with the family's own
 * words as the excerpt. Pure and thread-safe; never throws.
 */
public final class LexiconCrisisScreen implements CrisisScreen {

  private static final System.Logger LOG = System.getLogger(LexiconCrisisScreen.class.getName());
  /** More matches than this in one message add nothing for a counselor. */
  static final int MAX_MATCHES = 16;
  static final int MAX_EXCERPT = 200;
  /** How far before a match an {@code unless} phrase may start and still cover it. */
  static final int UNLESS_REACH = 3;
  private static final RiskLevel[] LEVELS = RiskLevel.values();
  private static final RiskLevel[] PASSES = {RiskLevel.URGENT, RiskLevel.CONCERN};

  private static final class Node {
    final Map<String, Node> exact = new HashMap<>(4);
    String[] prefixes = new String[0];
    Node[] prefixNodes = new Node[0];
    Terminal[] terminals = new Terminal[0];

    Node child(String word, boolean prefix) {
      if (!prefix) {
        return exact.computeIfAbsent(word, w -> new Node());
      }
      for (int i = 0; i < prefixes.length; i++) {
        if (prefixes[i].equals(word)) return prefixNodes[i];
      }
      Node n = new Node();
      prefixes = append(prefixes, word);
      prefixNodes = append(prefixNodes, n);
      return n;
    }
  }

  /** One compiled entry. */
  private record Rule(String category, RiskLevel level, int gap, boolean casual, String[][] onlyWith, String[][] unless) {}

  /** A phrase ending at a trie node. */
  private record Terminal(Rule rule, String phrase) {}

  private final Node root = new Node();
  private final ChatNormalizer normalizer;
  private final Set<String> negations = new HashSet<>();
  private final Set<String> bridges = new HashSet<>();
  private final Set<String> contextWords = new HashSet<>();
  private final String[] contextPrefixes;
  private final int maxGap;
  private final int negationReach;
  private final int hyperboleWindow;
  private final String[][] historyPhrases;
  private final int historyWindow;
  private final AtomicLong failures = new AtomicLong();

  /**
   * Compiles a lexicon.
   *
   * @throws Lexicon.LexiconException if {@link LexiconProblems#check} finds problems
   */
  public LexiconCrisisScreen(Lexicon lexicon) {
    List<String> problems = LexiconProblems.check(lexicon);
    if (!problems.isEmpty()) {
      throw new Lexicon.LexiconException("", problems);
    }
    normalizer = new ChatNormalizer(lexicon.normalisation());
    Lexicon.Matching m = lexicon.matching();
    int defaultGap = m == null || m.maxGap() == null ? 1 : m.maxGap();
    negationReach = m == null || m.negationReach() == null ? 3 : m.negationReach();
    hyperboleWindow = lexicon.hyperbole() == null || lexicon.hyperbole().window() == null
        ? 6 : lexicon.hyperbole().window();
    addWords(lexicon.negations(), negations, null);
    addWords(lexicon.negationBridge(), bridges, null);
    List<String> prefixes = new ArrayList<>();
    addWords(lexicon.hyperbole() == null ? null : lexicon.hyperbole().context(), contextWords, prefixes);
    contextPrefixes = prefixes.toArray(new String[0]);
    historyWindow = lexicon.history() == null || lexicon.history().window() == null
        ? 4 : lexicon.history().window();
    historyPhrases = compilePhrases(lexicon.history() == null ? null : lexicon.history().words());

    int gapCeiling = defaultGap;
    for (Map.Entry<String, List<Lexicon.Entry>> cat : lexicon.categoriesOrEmpty().entrySet()) {
      for (Lexicon.Entry e : cat.getValue()) {
        int gap = e.gap() == null ? defaultGap : e.gap();
        gapCeiling = Math.max(gapCeiling, gap);
        String[][] onlyWith = e.onlyWith() == null ? null : compilePhrases(e.onlyWith());
        RiskLevel level = RiskLevel.valueOf(e.level().trim().toUpperCase(Locale.ROOT));
        String[][] unless = e.unless() == null ? null : compilePhrases(e.unless());
        Rule rule = new Rule(cat.getKey(), level, gap, e.isCasual(), onlyWith, unless);
        for (String written : e.phrase()) {
          Phrase p = Phrase.parse(written, normalizer);
          Node node = root;
          for (int k = 0; k < p.words().size(); k++) {
            node = node.child(p.words().get(k), p.prefix().get(k));
          }
          node.terminals = append(node.terminals, new Terminal(rule, p.written()));
        }
      }
    }
    maxGap = gapCeiling;
  }

  /** The screen for the default lexicon ({@link Lexicon#loadDefault()}). */
  public static LexiconCrisisScreen loadDefault() {
    return new LexiconCrisisScreen(Lexicon.loadDefault());
  }

  /** The normaliser this screen uses, built from the lexicon's normalisation section. */
  public ChatNormalizer normalizer() {
    return normalizer;
  }

  /** How many messages could not be screened because of a bug (each was logged). */
  public long failures() {
    return failures.get();
  }

  /** Phrases as word patterns, a prefix word keeping its trailing '*'. */
  private String[][] compilePhrases(List<String> written) {
    if (written == null) {
      return new String[0][];
    }
    String[][] out = new String[written.size()][];
    for (int i = 0; i < out.length; i++) {
      Phrase p = Phrase.parse(written.get(i), normalizer);
      String[] words = p.words().toArray(new String[0]);
      for (int k = 0; k < words.length; k++) {
        if (p.prefix().get(k)) words[k] = words[k] + "*";
      }
      out[i] = words;
    }
    return out;
  }

  private void addWords(List<String> written, Set<String> into, List<String> prefixes) {
    if (written == null) return;
    for (String w : written) {
      Phrase p = Phrase.parse(w, normalizer);
      for (int k = 0; k < p.words().size(); k++) {
        if (p.prefix().get(k) && prefixes != null) prefixes.add(p.words().get(k));
        else into.add(p.words().get(k));
      }
    }
  }

  @Override
  public ScreenResult screen(String text) {
    if (text == null || text.isEmpty()) {
      return ScreenResult.CLEAR;
    }
    try {
      return doScreen(text);
    } catch (RuntimeException | StackOverflowError e) {
      // The engine must never see an exception; count and log so the bug gets fixed.
      failures.incrementAndGet();
      LOG.log(System.Logger.Level.ERROR, "crisis screen failed on a message of length " + text.length(), e);
      return ScreenResult.CLEAR;
    }
  }

  /** A phrase found in the message, before weighing. */
  private static final class Hit {
    final Terminal terminal;
    final int from;
    final int to;

    Hit(Terminal terminal, int from, int to) {
      this.terminal = terminal;
      this.from = from;
      this.to = to;
    }
  }

  private ScreenResult doScreen(String text) {
    ChatNormalizer.Tokens t = normalizer.tokenize(text);
    int n = t.size();
    if (n == 0) {
      return ScreenResult.CLEAR;
    }
    String[] stems = new String[n];
    String[] stems2 = new String[n];
    for (int i = 0; i < n; i++) {
      String w = t.words[i];
      String stem = withoutSuffix(w);
      if (stem != w) {
        stems[i] = stem;
        // letter-collapse merged the stem's last letter with the suffix: anakku -> anaku -> anak
        char first = w.charAt(stem.length());
        if (stem.charAt(stem.length() - 1) != first) stems2[i] = stem + first;
      }
    }
    Stems st = new Stems(stems, stems2);
    List<Hit> hits = null;
    for (int i = 0; i < n; i++) {
      hits = step(root, t, st, i, i, 0, hits);
    }
    if (hits == null) {
      return ScreenResult.CLEAR;
    }
    List<ScreenMatch> matches = new ArrayList<>();
    RiskLevel top = RiskLevel.NONE;
    List<Rule> done = new ArrayList<>(hits.size());
    for (RiskLevel pass : PASSES) {
      for (Hit h : hits) {
        Rule rule = h.terminal.rule();
        if (done.contains(rule) || (rule.onlyWith() != null && !containsAny(t, stems, rule.onlyWith(), 0, n - 1))) {
          continue;
        }
        if (rule.unless() != null && containsAny(t, stems, rule.unless(),
            Math.max(0, h.from - UNLESS_REACH), Math.min(n - 1, h.to))) {
          continue; // "demam berdarah" is dengue, not bleeding
        }
        int steps = 0;
        if (negated(t, h.from)) steps++;
        if (rule.casual() && nearContext(t, stems, h.from, h.to)) steps++;
        if (inThePast(t, stems, h.from, h.to)) steps++;
        RiskLevel level = LEVELS[Math.max(0, rule.level().ordinal() - steps)];
        if (level != pass) {
          continue;
        }
        done.add(rule);
        top = top.max(level);
        if (matches.size() < MAX_MATCHES) {
          String excerpt = t.excerpt(h.from, h.to);
          if (excerpt.length() > MAX_EXCERPT) excerpt = excerpt.substring(0, MAX_EXCERPT) + "…";
          matches.add(new ScreenMatch(rule.category(), level, h.terminal.phrase(), excerpt));
        }
      }
    }
    return matches.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(top, matches);
  }

  /** Walks the trie: {@code node} matched words up to {@code next - 1}; try word {@code next}. */
  private List<Hit> step(Node node, ChatNormalizer.Tokens t, Stems stems, int from, int next, int depth, List<Hit> hits) {
    if (node.terminals.length > 0 && depth > 0) {
      if (hits == null) hits = new ArrayList<>(4);
      for (Terminal term : node.terminals) {
        hits.add(new Hit(term, from, next - 1));
      }
    }
    if (node.exact.isEmpty() && node.prefixes.length == 0) {
      return hits;
    }
    int n = t.size();
    int gaps = depth == 0 ? 0 : maxGap;
    for (int g = 0; g <= gaps; g++) {
      int p = next + g;
      if (p >= n || (g > 0 && !t.sameClause(next - 1, p))) {
        break;
      }
      String w = t.words[p];
      Node child = node.exact.get(w);
      if (child == null && stems.first[p] != null) {
        child = node.exact.get(stems.first[p]); // hidupku -> hidup, membunuhku -> membunuh
        if (child == null && stems.second[p] != null) {
          child = node.exact.get(stems.second[p]);
        }
      }
      if (child != null) {
        hits = stepChecked(child, t, stems, from, p, g, depth, hits);
      }
      String[] prefixes = node.prefixes;
      for (int k = 0; k < prefixes.length; k++) {
        if (w.startsWith(prefixes[k])) {
          hits = stepChecked(node.prefixNodes[k], t, stems, from, p, g, depth, hits);
        }
      }
    }
    return hits;
  }

  private List<Hit> stepChecked(Node child, ChatNormalizer.Tokens t, Stems stems, int from, int p, int g, int depth, List<Hit> hits) {
    if (g == 0) {
      return step(child, t, stems, from, p + 1, depth + 1, hits);
    }
    // Words reached through a gap only count for entries that allow that gap.
    List<Hit> sub = step(child, t, stems, from, p + 1, depth + 1, null);
    if (sub != null) {
      for (Hit h : sub) {
        if (h.terminal.rule().gap() >= g) {
          if (hits == null) hits = new ArrayList<>(4);
          hits.add(h);
        }
      }
    }
    return hits;
  }

  /** Each word without an Indonesian ending (null if none), and the re-doubled variant. */
  private record Stems(String[] first, String[] second) {}

  private boolean negated(ChatNormalizer.Tokens t, int from) {
    int bridged = 0;
    for (int j = from - 1; j >= 0 && t.sameClause(j, from); j--) {
      String w = t.words[j];
      if (negations.contains(w)) {
        return true;
      }
      if (bridged < negationReach && bridges.contains(w)) {
        bridged++;
        continue;
      }
      return false;
    }
    return false;
  }

  private boolean nearContext(ChatNormalizer.Tokens t, String[] stems, int from, int to) {
    int lo = Math.max(0, from - hyperboleWindow);
    int hi = Math.min(t.size() - 1, to + hyperboleWindow);
    for (int j = lo; j <= hi; j++) {
      if (j >= from && j <= to) continue;
      if (isContext(t.words[j], stems[j]) && !(j > 0 && negations.contains(t.words[j - 1]))) {
        return true; // "bukan bercanda" is the opposite of a joke
      }
    }
    return false;
  }

  /** A history word near the match, outside it and not negated ("tidak pernah" means never). */
  private boolean inThePast(ChatNormalizer.Tokens t, String[] stems, int from, int to) {
    if (historyPhrases.length == 0) return false;
    int lo = Math.max(0, from - historyWindow);
    int hi = Math.min(t.size() - 1, to + historyWindow);
    for (String[] phrase : historyPhrases) {
      for (int i = lo; i <= hi && i + phrase.length <= t.size(); i++) {
        if (i + phrase.length - 1 >= from && i <= to) continue;
        if (i > 0 && negations.contains(t.words[i - 1])) continue;
        int k = 0;
        while (k < phrase.length && wordMatches(t.words[i + k], stems[i + k], phrase[k])) k++;
        if (k == phrase.length) return true;
      }
    }
    return false;
  }

  private boolean isContext(String w, String stem) {
    if (contextWords.contains(w) || (stem != null && contextWords.contains(stem))) return true;
    for (String p : contextPrefixes) {
      if (w.startsWith(p)) return true;
    }
    return false;
  }

  /** Indonesian possessive and particle endings: macetnya -> macet, bosku -> bos, ujianlah -> ujian. */
  private static final String[] SUFFIXES = {"nya", "ku", "mu", "lah", "kah", "pun"};

  static String withoutSuffix(String w) {
    int n = w.length();
    if (n < 4) return w;
    char last = w.charAt(n - 1);
    if (last != 'a' && last != 'u' && last != 'h' && last != 'n') return w; // no ending possible
    for (String s : SUFFIXES) {
      if (w.length() > s.length() + 1 && w.endsWith(s)) {
        return w.substring(0, w.length() - s.length());
      }
    }
    return w;
  }

  /** Whether one of the phrases occurs, contiguously, starting between words lo and hi. */
  private static boolean containsAny(ChatNormalizer.Tokens t, String[] stems, String[][] phrases, int lo, int hi) {
    for (String[] phrase : phrases) {
      for (int i = lo; i <= hi && i + phrase.length <= t.size(); i++) {
        int k = 0;
        while (k < phrase.length && wordMatches(t.words[i + k], stems[i + k], phrase[k])) k++;
        if (k == phrase.length) return true;
      }
    }
    return false;
  }

  private static boolean wordMatches(String word, String stem, String pattern) {
    if (pattern.endsWith("*")) {
      return word.regionMatches(0, pattern, 0, pattern.length() - 1);
    }
    return word.equals(pattern) || pattern.equals(stem);
  }

  @SuppressWarnings("unchecked")
  private static <T> T[] append(T[] array, T item) {
    T[] out = java.util.Arrays.copyOf(array, array.length + 1);
    out[array.length] = item;
    return out;
  }
}
