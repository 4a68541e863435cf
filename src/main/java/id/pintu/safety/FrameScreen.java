package id.pintu.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crisis screen: finds the lexicon's concepts in a message and weighs the frames they make.
 *
 * <p>One message is screened in four steps.
 * <ol>
 *   <li>Words: {@link ChatNormalizer} tidies chat spelling; each word is looked up by its
 *       forms ({@link WordForms}: folded spelling, Indonesian and English stems, colloquial
 *       affixes) and, when nothing matches, by one typo ({@link TypoIndex}). A word's matches
 *       are cached: families use the same few thousand words.
 *   <li>Concepts: phrases of a concept match as word sequences, a small gap allowed within a
 *       clause; a concept's {@code except} phrases cancel it where they overlap.
 *   <li>Frames: every part of a frame present within the frame's window. A frame's first part
 *       is the act; a negation before it lowers the level, and so do the stance words: a joke
 *       near a casual frame, the past (unless something says it is happening now), a report
 *       of news or fiction, a frame's own {@code lower_with}. Only a negation or a joke can
 *       take a frame to nothing: news, the past and the rest stop at concern, because a person
 *       in danger may still be behind it and a counselor should look.
 *   <li>Memory: a frame with several parts may also be completed by the family's last few
 *       messages ({@link RiskMemory}: the concept names each message had, never words).
 * </ol>
 * Pure and thread-safe; never throws (a bug is counted and logged without the text).
 */
public final class FrameScreen implements CrisisScreen {
  private static final Logger LOG = LoggerFactory.getLogger(FrameScreen.class);
  static final int MAX_MATCHES = 16;
  static final int MAX_EXCERPT = 200;
  /** A phrase has at most this many words (its word index is kept in three bits). */
  static final int MAX_PHRASE_WORDS = 8;
  private static final RiskLevel[] LEVELS = RiskLevel.values();
  private static final int[] NO_REFS = new int[0];

  // Stance words are matched as concepts of their own, under names no admin can write.
  private static final String NEG = "~negation";
  private static final String BRIDGE = "~bridge";
  private static final String JOKE = "~joke";
  private static final String LAUGH = "~laughter";
  private static final String PAST = "~past";
  private static final String PRESENT = "~present";
  private static final String REPORT = "~report";

  /** One word of a phrase: a lexicon word (found by its keys), a prefix, or any number. */
  private record WordPattern(String prefix, boolean number) {}

  /** One phrase of a concept, or of a concept's {@code except} list. */
  private record Entry(int concept, WordPattern[] words, boolean except) {}

  private record Part(int[] concepts) {}

  private record CompiledFrame(String id, String category, RiskLevel level, Part[] parts, boolean casual,
      int window, int[] lowerWith) {}

  private final ChatNormalizer normalizer;
  private final Lexicon.Normalisation normalisation;
  private final List<String> conceptNames = new ArrayList<>();
  private final Map<String, Integer> conceptIndex = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, int[]> byKey = new HashMap<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<Integer> prefixRefs = new ArrayList<>();
  private int[] numberRefs = NO_REFS;
  /** Typos are matched on spellings only: stems one letter apart are too often other words (kumpul, tumpul). */
  private final TypoIndex spellings;
  private final CompiledFrame[] frames;
  private final int gap;
  private final int negationReach;
  private final int jokeWindow;
  private final int pastWindow;
  private final int neg;
  private final int bridge;
  private final int joke;
  private final int laugh;
  private final int past;
  private final int present;
  private final int report;
  private final Cache<String, int[]> wordRefs = Caffeine.newBuilder().maximumSize(50_000).executor(Runnable::run).build();
  private final AtomicLong failures = new AtomicLong();

  /**
   * Compiles a lexicon.
   *
   * @throws Lexicon.LexiconException if {@link LexiconProblems#check} finds problems
   */
  public FrameScreen(Lexicon lexicon) {
    List<String> problems = LexiconProblems.check(lexicon);
    if (!problems.isEmpty()) {
      throw new Lexicon.LexiconException("", problems);
    }
    normalisation = lexicon.normalisation();
    normalizer = new ChatNormalizer(normalisation);
    Lexicon.Matching m = lexicon.matching();
    gap = m == null || m.gap() == null ? 1 : m.gap();
    int defaultWindow = m == null || m.window() == null ? 12 : m.window();
    int typoMin = m == null || m.typoMinLength() == null ? 7 : m.typoMinLength();
    spellings = new TypoIndex(typoMin);
    Lexicon.Stance st = lexicon.stance() == null ? new Lexicon.Stance(null, null, null, null, null, null) : lexicon.stance();
    negationReach = st.negationReach() == null ? 3 : st.negationReach();
    jokeWindow = st.joke() == null || st.joke().window() == null ? 6 : st.joke().window();
    pastWindow = st.past() == null || st.past().window() == null ? 6 : st.past().window();

    for (Map.Entry<String, Lexicon.Concept> c : lexicon.conceptsOrEmpty().entrySet()) {
      int id = concept(c.getKey());
      for (String w : c.getValue().words()) addPhrase(id, w, false);
      if (c.getValue().except() != null) {
        for (String w : c.getValue().except()) addPhrase(id, w, true);
      }
    }
    neg = stanceConcept(NEG, st.negations());
    bridge = stanceConcept(BRIDGE, st.negationBridge());
    joke = stanceConcept(JOKE, st.joke() == null ? null : st.joke().context());
    laugh = stanceConcept(LAUGH, st.joke() == null ? null : st.joke().laughter());
    past = stanceConcept(PAST, st.past() == null ? null : st.past().words());
    present = stanceConcept(PRESENT, st.past() == null ? null : st.past().present());
    report = stanceConcept(REPORT, st.report());

    List<CompiledFrame> fs = new ArrayList<>();
    for (Lexicon.Frame f : lexicon.framesOrEmpty()) {
      Part[] parts = new Part[f.all().size()];
      for (int i = 0; i < parts.length; i++) parts[i] = new Part(conceptsOf(f.all().get(i)));
      int[] lower = f.lowerWith() == null ? new int[0]
          : f.lowerWith().stream().flatMapToInt(x -> Arrays.stream(conceptsOf(x))).toArray();
      fs.add(new CompiledFrame(f.id(), f.category(), RiskLevel.valueOf(f.level().trim().toUpperCase(Locale.ROOT)),
          parts, f.isCasual(), f.window() == null ? defaultWindow : f.window(), lower));
    }
    frames = fs.toArray(new CompiledFrame[0]);
  }

  /** The screen for the default lexicon ({@link Lexicon#loadDefault()}). */
  public static FrameScreen loadDefault() {
    return new FrameScreen(Lexicon.loadDefault());
  }

  public ChatNormalizer normalizer() {
    return normalizer;
  }

  /** The lexicon's normalisation section, which decides the words the examples are learned in. */
  Lexicon.Normalisation normalisation() {
    return normalisation;
  }

  /** How many messages could not be screened because of a bug (each was logged). */
  public long failures() {
    return failures.get();
  }

  private int concept(String name) {
    return conceptIndex.computeIfAbsent(name, n -> {
      conceptNames.add(n);
      return conceptNames.size() - 1;
    });
  }

  private int stanceConcept(String name, List<String> words) {
    int id = concept(name);
    if (words != null) {
      for (String w : words) addPhrase(id, w, false);
    }
    return id;
  }

  private int[] conceptsOf(String part) {
    return Arrays.stream(part.split("\\|")).map(String::trim).mapToInt(conceptIndex::get).toArray();
  }

  /** Compiles one phrase: its words in matching form, each filed under its keys. */
  private void addPhrase(int concept, String written, boolean except) {
    List<WordPattern> words = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (String part : written.trim().split("\\s+")) {
      if (part.equals("#")) {
        words.add(new WordPattern(null, true));
        plain.add(null);
      } else if (part.endsWith("*") && part.length() > 1) {
        String stem = normalizer.wordStem(part.substring(0, part.length() - 1));
        words.add(new WordPattern(stem, false));
        plain.add(null);
      } else {
        boolean spellingOnly = part.startsWith("=") && part.length() > 1;
        ChatNormalizer.Tokens t = normalizer.tokenize(spellingOnly ? part.substring(1) : part);
        for (int i = 0; i < t.size(); i++) {
          words.add(new WordPattern(null, false));
          plain.add(spellingOnly ? "=" + t.word(i) : t.word(i));
        }
      }
    }
    if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) return; // LexiconProblems said so
    int entry = entries.size();
    entries.add(new Entry(concept, words.toArray(new WordPattern[0]), except));
    for (int j = 0; j < words.size(); j++) {
      int ref = entry << 3 | j;
      WordPattern p = words.get(j);
      if (p.number()) {
        numberRefs = append(numberRefs, ref);
      } else if (p.prefix() != null) {
        prefixes.add(p.prefix());
        prefixRefs.add(ref);
      } else {
        String w = plain.get(j);
        if (w.startsWith("=")) {
          // =kemaluan: by its spelling only, since its stem (malu, "shame") means something else
          w = w.substring(1);
          byKey.merge("c:" + WordForms.fold(w), new int[] {ref}, FrameScreen::union);
          spellings.add(WordForms.fold(w));
          continue;
        }
        for (String key : WordForms.ofLexiconWord(w)) {
          byKey.merge(key, new int[] {ref}, FrameScreen::union);
        }
        spellings.add(WordForms.fold(w));
      }
    }
  }

  // ---- screening ------------------------------------------------------------------------

  @Override
  public ScreenResult screen(String text) {
    return screen(text, RiskMemory.EMPTY).result();
  }

  @Override
  public Screened screen(String text, RiskMemory memory) {
    RiskMemory before = memory == null ? RiskMemory.EMPTY : memory;
    if (text == null || text.isEmpty()) {
      return new Screened(ScreenResult.CLEAR, before.then(""));
    }
    try {
      return doScreen(text, before);
    } catch (RuntimeException | StackOverflowError e) {
      // The engine must never see an exception; count and log (never the text) so the bug gets fixed.
      failures.incrementAndGet();
      LOG.error("crisis screen failed on a message of length {}", text.length(), e);
      return new Screened(ScreenResult.CLEAR, before.then(""));
    }
  }

  /** The concept hits of one message: parallel lists of concept, first and last word. */
  private static final class Hits {
    int size;
    int[] concept = new int[16];
    int[] from = new int[16];
    int[] to = new int[16];
    boolean[] negated = new boolean[16];
    final BitSet present = new BitSet();

    void add(int c, int f, int t) {
      if (size == concept.length) {
        concept = Arrays.copyOf(concept, size * 2);
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
        negated = Arrays.copyOf(negated, size * 2);
      }
      concept[size] = c;
      from[size] = f;
      to[size] = t;
      size++;
      present.set(c);
    }
  }

  private Screened doScreen(String text, RiskMemory memory) {
    ChatNormalizer.Tokens t = normalizer.tokenize(text);
    int n = t.size();
    int[][] refs = new int[n][];
    for (int i = 0; i < n; i++) {
      refs[i] = refsOf(t.word(i));
    }
    Hits hits = new Hits();
    Hits excepts = new Hits();
    for (int i = 0; i < n; i++) {
      for (int ref : refs[i]) {
        if ((ref & 7) != 0) continue;
        Entry e = entries.get(ref >>> 3);
        int end = extend(e, ref >>> 3, 1, i, refs, t);
        if (end >= 0) (e.except() ? excepts : hits).add(e.concept(), i, end);
      }
    }
    Hits kept = withoutExcepts(hits, excepts);
    markNegations(kept, t);

    BitSet remembered = remembered(memory);
    boolean laughing = kept.present.get(laugh);
    boolean reporting = kept.present.get(report);
    boolean happeningNow = kept.present.get(present); // for frames from memory: anywhere in this message
    List<ScreenMatch> matches = new ArrayList<>();
    RiskLevel top = RiskLevel.NONE;
    for (CompiledFrame f : frames) {
      ScreenMatch m = inMessage(f, kept, t, laughing, reporting, happeningNow);
      if (m == null && f.parts().length > 1 && !remembered.isEmpty()) {
        m = acrossMessages(f, kept, t, remembered, laughing, reporting, happeningNow);
      }
      if (m != null) {
        top = top.max(m.level());
        matches.add(m);
      }
    }
    matches.sort((a, b) -> b.level().compareTo(a.level()));
    if (matches.size() > MAX_MATCHES) matches = new ArrayList<>(matches.subList(0, MAX_MATCHES));
    RiskMemory next = memory.then(laughing || reporting ? "" : signals(kept));
    return new Screened(matches.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(top, matches), next);
  }

  /** The entries a word takes part in, cached. */
  private int[] refsOf(String word) {
    return wordRefs.get(word, this::lookUp);
  }

  private int[] lookUp(String word) {
    int[] out = NO_REFS;
    Set<String> keys = WordForms.ofMessageWord(word);
    for (String k : keys) {
      int[] r = byKey.get(k);
      if (r != null) out = union(out, r);
    }
    String folded = WordForms.fold(word);
    for (int i = 0; i < prefixes.size(); i++) {
      String p = prefixes.get(i);
      if (word.startsWith(p) || folded.startsWith(WordForms.fold(p))) out = union(out, new int[] {prefixRefs.get(i)});
    }
    if (isNumber(word)) out = union(out, numberRefs);
    if (out.length == 0) {
      for (String near : spellings.near(folded)) {
        int[] r = byKey.get("c:" + near);
        if (r != null) out = union(out, r);
      }
    }
    return out;
  }

  /** Digits, also with the colloquial "-an" of an estimate ("20an butir": some twenty). */
  private static boolean isNumber(String w) {
    if (w.length() > 2 && w.endsWith("an") && Character.isDigit(w.charAt(w.length() - 3))) w = w.substring(0, w.length() - 2);
    for (int i = 0; i < w.length(); i++) {
      if (w.charAt(i) < '0' || w.charAt(i) > '9') return false;
    }
    return !w.isEmpty();
  }

  /** Matches the rest of a phrase from word {@code j}; returns the last word's index, or -1. */
  private int extend(Entry e, int entry, int j, int prev, int[][] refs, ChatNormalizer.Tokens t) {
    if (j == e.words().length) return prev;
    int ref = entry << 3 | j;
    for (int p = prev + 1; p <= prev + 1 + gap && p < refs.length; p++) {
      if (!t.sameClause(prev, p)) break;
      if (Arrays.binarySearch(refs[p], ref) >= 0) {
        int end = extend(e, entry, j + 1, p, refs, t);
        if (end >= 0) return end;
      }
    }
    return -1;
  }

  private static Hits withoutExcepts(Hits hits, Hits excepts) {
    if (excepts.size == 0) return hits;
    Hits kept = new Hits();
    outer:
    for (int h = 0; h < hits.size; h++) {
      for (int x = 0; x < excepts.size; x++) {
        if (excepts.concept[x] == hits.concept[h] && excepts.from[x] <= hits.to[h] && excepts.to[x] >= hits.from[h]) {
          continue outer; // "pukul 8" is a time, "demam berdarah" an illness
        }
      }
      kept.add(hits.concept[h], hits.from[h], hits.to[h]);
    }
    return kept;
  }

  /** A negation word before a hit, perhaps with a few bridge words between, in the same clause. */
  private void markNegations(Hits hits, ChatNormalizer.Tokens t) {
    if (!hits.present.get(neg)) return;
    boolean[] negWord = new boolean[t.size()];
    boolean[] bridgeWord = new boolean[t.size()];
    for (int h = 0; h < hits.size; h++) {
      boolean[] mark = hits.concept[h] == neg ? negWord : hits.concept[h] == bridge ? bridgeWord : null;
      if (mark != null) {
        for (int i = hits.from[h]; i <= hits.to[h]; i++) mark[i] = true;
      }
    }
    for (int h = 0; h < hits.size; h++) {
      int from = hits.from[h];
      int bridged = 0;
      for (int j = from - 1; j >= 0 && t.sameClause(j, from); j--) {
        if (negWord[j]) {
          hits.negated[h] = true;
          break;
        }
        if (bridgeWord[j] && bridged < negationReach) {
          bridged++;
          continue;
        }
        break;
      }
    }
  }

  private ScreenMatch inMessage(CompiledFrame f, Hits hits, ChatNormalizer.Tokens t,
      boolean laughing, boolean reporting, boolean happeningNow) {
    for (Part p : f.parts()) {
      if (!anyPresent(p, hits.present)) return null;
    }
    int bestLo = -1;
    int bestHi = -1;
    int bestAnchor = -1;
    int[] bestParts = null;
    for (int h = 0; h < hits.size; h++) {
      if (!contains(f.parts()[0].concepts(), hits.concept[h])) continue;
      int lo = hits.from[h];
      int hi = hits.to[h];
      int[] chosen = new int[f.parts().length];
      chosen[0] = h;
      boolean ok = true;
      for (int k = 1; k < f.parts().length && ok; k++) {
        int near = nearest(hits, f.parts()[k].concepts(), hits.from[h], hits.to[h]);
        if (near < 0) {
          ok = false;
        } else {
          chosen[k] = near;
          lo = Math.min(lo, hits.from[near]);
          hi = Math.max(hi, hits.to[near]);
        }
      }
      if (ok && hi - lo + 1 <= f.window() && (bestParts == null || hi - lo < bestHi - bestLo
          || (hi - lo == bestHi - bestLo && hits.negated[bestAnchor] && !hits.negated[h]))) {
        bestLo = lo;
        bestHi = hi;
        bestAnchor = h;
        bestParts = chosen;
      }
    }
    if (bestParts == null) return null;
    int softer = hits.negated[bestAnchor] ? 1 : 0;
    if (f.casual()) {
      if (near(hits, joke, bestLo, bestHi, jokeWindow)) softer++;
      if (laughing) softer++;
    }
    int lower = 0;
    // The past lowers unless something near says it is happening now (again).
    // "Now" counts only in the frame's own clause: in "dulu sering dipukul bapak. sekarang udah
    // dewasa" the present belongs to a sentence that says it is over.
    if (near(hits, past, bestLo, bestHi, pastWindow) && !nearInClause(hits, present, bestLo, bestHi, pastWindow, t)
        && !insideInClause(hits, present, bestLo, bestHi, hits.from[bestParts[0]], t)) {
      lower++;
    }
    // A stance word that is part of the danger itself does not soften it: "baterai" in "nelen
    // baterai kancing" is no dead phone, "weed" in "weed killer" no garden pest.
    if (reporting && outside(hits, new int[] {report}, hits, bestParts)) lower++;
    // Laughter near words of harm that are not jokes by nature: still worth a look, not an alarm.
    if (!f.casual() && laughing) lower++;
    if (anyPresent(f.lowerWith(), hits.present) && outside(hits, f.lowerWith(), hits, bestParts)) lower++;
    RiskLevel level = weigh(f.level(), softer, lower);
    if (level == RiskLevel.NONE) return null;
    StringBuilder why = new StringBuilder(f.id()).append(": ");
    for (int k = 0; k < bestParts.length; k++) {
      if (k > 0) why.append(" + ");
      why.append(words(t, hits.from[bestParts[k]], hits.to[bestParts[k]]));
    }
    return new ScreenMatch(f.category(), level, why.toString(), excerpt(t, bestLo, bestHi));
  }

  /** A frame completed by what the family's last few messages had: at least one part now. */
  private ScreenMatch acrossMessages(CompiledFrame f, Hits hits, ChatNormalizer.Tokens t, BitSet remembered,
      boolean laughing, boolean reporting, boolean happeningNow) {
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    StringBuilder why = new StringBuilder(f.id()).append(": ");
    boolean fromMemory = false;
    boolean addsToTheAct = false;
    for (int k = 0; k < f.parts().length; k++) {
      int here = firstUnnegated(hits, f.parts()[k].concepts());
      if (k > 0) why.append(" + ");
      if (here >= 0) {
        if (k > 0) addsToTheAct = true;
        lo = Math.min(lo, hits.from[here]);
        hi = Math.max(hi, hits.to[here]);
        why.append(words(t, hits.from[here], hits.to[here]));
      } else if (anyPresent(f.parts()[k].concepts(), remembered)) {
        fromMemory = true;
        why.append('(').append(conceptName(f.parts()[k].concepts(), remembered)).append(", earlier)");
      } else {
        return null;
      }
    }
    // The new message must add to what was said (a time, a place, a victim), not merely name
    // someone: "anak-anak jadi tegang" after "suami kehilangan pekerjaan" is no missing child.
    if (!fromMemory || !addsToTheAct || hi < 0) return null;
    int softer = f.casual() && (laughing || hits.present.get(joke)) ? 1 : 0;
    int lower = (!happeningNow && hits.present.get(past) ? 1 : 0) + (reporting ? 1 : 0)
        + (anyPresent(f.lowerWith(), hits.present) ? 1 : 0);
    RiskLevel level = weigh(f.level(), softer, lower);
    if (level == RiskLevel.NONE) return null;
    return new ScreenMatch(f.category(), level, why.toString(), excerpt(t, lo, hi));
  }

  /** Negation and jokes may take a frame to nothing; the other stances stop at concern. */
  private static RiskLevel weigh(RiskLevel base, int softer, int lower) {
    int lv = base.ordinal() - softer;
    if (lv <= 0) return RiskLevel.NONE;
    return LEVELS[Math.max(RiskLevel.CONCERN.ordinal(), lv - lower)];
  }

  private static int nearest(Hits hits, int[] concepts, int from, int to) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int h = 0; h < hits.size; h++) {
      if (hits.negated[h] || !contains(concepts, hits.concept[h])) continue;
      int d = Math.max(0, Math.max(hits.from[h] - to, from - hits.to[h]));
      if (d < bestDistance) {
        best = h;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int firstUnnegated(Hits hits, int[] concepts) {
    for (int h = 0; h < hits.size; h++) {
      if (!hits.negated[h] && contains(concepts, hits.concept[h])) return h;
    }
    return -1;
  }

  /** A hit of {@code concept} within {@code window} words of the span, outside it, not negated. */
  private static boolean near(Hits hits, int concept, int lo, int hi, int window) {
    for (int h = 0; h < hits.size; h++) {
      if (hits.concept[h] != concept || hits.negated[h]) continue;
      if (hits.to[h] >= lo - window && hits.from[h] <= hi + window && (hits.to[h] < lo || hits.from[h] > hi)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nearInClause(Hits hits, int concept, int lo, int hi, int window, ChatNormalizer.Tokens t) {
    for (int h = 0; h < hits.size; h++) {
      if (hits.concept[h] != concept || hits.negated[h]) continue;
      if (hits.to[h] >= lo - window && hits.from[h] <= hi + window && (hits.to[h] < lo || hits.from[h] > hi)
          && (t.sameClause(hits.from[h], lo) || t.sameClause(hits.from[h], hi))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a hit of one of {@code concepts} lies outside the words of the frame's chosen parts. */
  private static boolean outside(Hits hits, int[] concepts, Hits same, int[] chosen) {
    outer:
    for (int h = 0; h < hits.size; h++) {
      if (!contains(concepts, hits.concept[h])) continue;
      for (int c : chosen) {
        if (hits.from[h] <= same.to[c] && hits.to[h] >= same.from[c]) continue outer;
      }
      return true;
    }
    return false;
  }

  /** A "now" among the frame's own words counts only in the act's clause ("dulu dipukul, sekarang sudah dewasa"). */
  private static boolean insideInClause(Hits hits, int concept, int lo, int hi, int act, ChatNormalizer.Tokens t) {
    for (int h = 0; h < hits.size; h++) {
      if (hits.concept[h] == concept && hits.from[h] >= lo && hits.to[h] <= hi && t.sameClause(hits.from[h], act)) return true;
    }
    return false;
  }

  private static boolean anyPresent(Part p, BitSet present) {
    return anyPresent(p.concepts(), present);
  }

  private static boolean anyPresent(int[] concepts, BitSet present) {
    for (int c : concepts) {
      if (present.get(c)) return true;
    }
    return false;
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) return true;
    }
    return false;
  }

  private String conceptName(int[] concepts, BitSet remembered) {
    for (int c : concepts) {
      if (remembered.get(c)) return conceptNames.get(c);
    }
    return "?";
  }

  /** The concept names of the message's unnegated hits, for the next message; never words. */
  private String signals(Hits hits) {
    Set<String> names = new LinkedHashSet<>();
    for (int h = 0; h < hits.size; h++) {
      String name = conceptNames.get(hits.concept[h]);
      if (!hits.negated[h] && !name.startsWith("~")) names.add(name);
    }
    return String.join(" ", names);
  }

  private BitSet remembered(RiskMemory memory) {
    BitSet out = new BitSet();
    for (String entry : memory.recent()) {
      if (entry.isEmpty()) continue;
      for (String name : entry.split(" ")) {
        Integer c = conceptIndex.get(name);
        if (c != null && !name.startsWith("~")) out.set(c); // a renamed concept is simply forgotten
      }
    }
    return out;
  }

  private static String words(ChatNormalizer.Tokens t, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (i > from) b.append(' ');
      b.append(t.word(i));
    }
    return b.toString();
  }

  private static String excerpt(ChatNormalizer.Tokens t, int from, int to) {
    String e = t.excerpt(from, to);
    return e.length() > MAX_EXCERPT ? e.substring(0, MAX_EXCERPT) + "…" : e;
  }

  private static int[] union(int[] a, int[] b) {
    if (a.length == 0) return b.clone();
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    Arrays.sort(out);
    int k = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) out[k++] = out[i];
    }
    return Arrays.copyOf(out, k);
  }

  private static int[] append(int[] a, int x) {
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = x;
    return out;
  }
}
