package id.pintu.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What thousands of labelled messages say about a new one: a linear model learned from the
 * admin's examples ({@code dialogs/crisis-examples.tsv}), scoring how close a message's words
 * are to the urgent, the concern and the ordinary examples, and which kind of danger they are
 * closest to.
 *
 * <p>Why beside the lexicon: frames catch the ways of saying danger someone wrote down; on
 * messages written by people who never saw the lexicon they missed one urgent message in five.
 * A model of the examples weighs every word form, stem and piece of a word it has seen, so a
 * phrasing nobody listed still lands near the examples it resembles (docs/SAFETY.md has the
 * figures on sets it never learned from).
 *
 * <p>Features of a message: per word its folded spelling, its Indonesian stem, its English stem
 * (ASCII words), its letter 3- to 5-grams (so typos and affixes keep most of a word), and each
 * pair of neighbouring words. Trained by multinomial logistic regression (AdaGrad, full batch,
 * L2), deterministic: the same examples always give the same model. Words' weights are cached.
 *
 * <p>Pure and thread-safe after construction; no I/O.
 */
final class ExampleModel {
  static final int NONE = 0;
  static final int CONCERN = 1;
  static final int URGENT = 2;
  private static final int LEVELS = 3;
  private static final int EPOCHS = 30;
  private static final double RATE = 0.5;
  private static final double L2 = 1e-4;
  /** The biases learn slower than the weights: with few features a message's verdict should come from its words. */
  private static final double BIAS_RATE = 0.1;

  /** The model's view of one message. */
  record Score(double none, double concern, double urgent, String category, List<String> words) {}

  /** One word's summed weights and how many features it has (unknown ones count: they did in training). */
  private record WordWeights(float[] level, float[] category, int features) {}

  private final ChatNormalizer normalizer;
  private final List<String> categories;
  private final Map<String, Integer> index = new HashMap<>();
  private final float[] level;
  private final float[] levelBias = new float[LEVELS];
  private final float[] category;
  private final float[] categoryBias;
  private final Cache<String, WordWeights> words = Caffeine.newBuilder().maximumSize(50_000).executor(Runnable::run).build();

  /**
   * Learns from {@code examples} (every level needs some; {@link Examples} checks). Categories
   * are learned from the concern and urgent examples that name one of {@code categories}.
   */
  ExampleModel(ChatNormalizer normalizer, List<LabelledMessages.Message> examples, List<String> categories) {
    this.normalizer = normalizer;
    this.categories = List.copyOf(categories);
    List<int[]> rows = new ArrayList<>(examples.size());
    for (LabelledMessages.Message m : examples) {
      List<String> fs = features(normalizer.tokenize(m.text()));
      int[] r = new int[fs.size()];
      for (int i = 0; i < r.length; i++) r[i] = index.computeIfAbsent(fs.get(i), k -> index.size());
      rows.add(r);
    }
    int n = index.size();
    int[] levels = new int[examples.size()];
    int[] cats = new int[examples.size()];
    for (int i = 0; i < levels.length; i++) {
      LabelledMessages.Message m = examples.get(i);
      levels[i] = m.expected().ordinal();
      cats[i] = m.expected() == RiskLevel.NONE || m.category() == null ? -1 : this.categories.indexOf(m.category());
    }
    level = new float[n * LEVELS];
    train(rows, levels, level, levelBias, LEVELS);
    categoryBias = new float[this.categories.size()];
    category = new float[n * this.categories.size()];
    train(rows, cats, category, categoryBias, this.categories.size());
  }

  /** Multinomial logistic regression by full-batch AdaGrad; rows with class -1 are left out. */
  private static void train(List<int[]> rows, int[] classes, float[] w, float[] bias, int k) {
    int used = 0;
    for (int c : classes) if (c >= 0) used++;
    if (used == 0 || k == 0) return;
    double[] grad = new double[w.length];
    double[] sumSq = new double[w.length];
    double[] gb = new double[k];
    double[] p = new double[k];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Arrays.fill(grad, 0);
      java.util.Arrays.fill(gb, 0);
      for (int i = 0; i < rows.size(); i++) {
        if (classes[i] < 0) continue;
        int[] r = rows.get(i);
        double norm = r.length == 0 ? 0 : 1 / Math.sqrt(r.length);
        for (int c = 0; c < k; c++) {
          double z = bias[c];
          for (int f : r) z += w[f * k + c] * norm;
          p[c] = z;
        }
        softmax(p);
        for (int c = 0; c < k; c++) {
          double e = (p[c] - (classes[i] == c ? 1 : 0)) / used;
          gb[c] += e;
          for (int f : r) grad[f * k + c] += e * norm;
        }
      }
      for (int j = 0; j < w.length; j++) {
        double g = grad[j] + L2 * w[j];
        sumSq[j] += g * g;
        w[j] -= (float) (RATE * g / Math.sqrt(sumSq[j] + 1e-8));
      }
      for (int c = 0; c < k; c++) bias[c] -= (float) (RATE * BIAS_RATE * gb[c]);
    }
  }

  private static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) max = Math.max(max, v);
    double sum = 0;
    for (int i = 0; i < z.length; i++) {
      z[i] = Math.exp(z[i] - max);
      sum += z[i];
    }
    for (int i = 0; i < z.length; i++) z[i] /= sum;
  }

  /** How many distinct features the examples taught (for the start-up line and docs). */
  int features() {
    return index.size();
  }

  /**
   * Scores one message, or null when it has fewer than {@code minWords} words. {@code words}
   * in the score are the family's words that weighed most towards danger, as written.
   */
  Score score(String text, int minWords) {
    ChatNormalizer.Tokens t = normalizer.tokenize(text);
    if (t.size() == 0 || t.size() < minWords) return null;
    double[] z = new double[LEVELS];
    double[] cz = new double[categories.size()];
    int count = 0;
    WordWeights[] per = new WordWeights[t.size()];
    for (int i = 0; i < t.size(); i++) {
      WordWeights ww = words.get(t.word(i), this::weigh);
      per[i] = ww;
      count += ww.features();
      for (int c = 0; c < LEVELS; c++) z[c] += ww.level()[c];
      for (int c = 0; c < cz.length; c++) cz[c] += ww.category()[c];
    }
    for (int i = 1; i < t.size(); i++) {
      count++;
      Integer row = index.get(pair(t.word(i - 1), t.word(i)));
      if (row == null) continue;
      for (int c = 0; c < LEVELS; c++) z[c] += level[row * LEVELS + c];
      for (int c = 0; c < cz.length; c++) cz[c] += category[row * cz.length + c];
    }
    double norm = 1 / Math.sqrt(count);
    for (int c = 0; c < LEVELS; c++) z[c] = z[c] * norm + levelBias[c];
    for (int c = 0; c < cz.length; c++) cz[c] = cz[c] * norm + categoryBias[c];
    softmax(z);
    int best = 0;
    for (int c = 1; c < cz.length; c++) if (cz[c] > cz[best]) best = c;
    int toward = z[URGENT] >= z[CONCERN] ? URGENT : CONCERN;
    return new Score(z[NONE], z[CONCERN], z[URGENT], cz.length == 0 ? null : categories.get(best), weightiest(t, per, toward));
  }

  /**
   * Up to three words that pushed most towards {@code level} rather than ordinary, in message
   * order. Function words (saya, dan, the) are left out: they weigh, but tell a counselor nothing.
   */
  private static List<String> weightiest(ChatNormalizer.Tokens t, WordWeights[] per, int level) {
    int[] top = {-1, -1, -1};
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < per.length; i++) {
      float pull = per[i].level()[level] - per[i].level()[NONE];
      if (pull <= 0 || WordForms.isFunctionWord(t.word(i)) || !seen.add(WordForms.fold(t.word(i)))) continue;
      for (int s = 0; s < top.length; s++) {
        if (top[s] < 0 || pull > per[top[s]].level()[level] - per[top[s]].level()[NONE]) {
          System.arraycopy(top, s, top, s + 1, top.length - s - 1);
          top[s] = i;
          break;
        }
      }
    }
    java.util.Arrays.sort(top);
    List<String> out = new ArrayList<>(3);
    for (int i : top) {
      if (i >= 0) out.add(t.excerpt(i, i));
    }
    return out;
  }

  private WordWeights weigh(String word) {
    List<String> fs = new ArrayList<>(24);
    wordFeatures(word, fs);
    float[] l = new float[LEVELS];
    float[] c = new float[categories.size()];
    for (String f : fs) {
      Integer row = index.get(f);
      if (row == null) continue;
      for (int j = 0; j < LEVELS; j++) l[j] += level[row * LEVELS + j];
      for (int j = 0; j < c.length; j++) c[j] += category[row * c.length + j];
    }
    return new WordWeights(l, c, fs.size());
  }

  private static List<String> features(ChatNormalizer.Tokens t) {
    List<String> fs = new ArrayList<>(t.size() * 16);
    for (int i = 0; i < t.size(); i++) {
      wordFeatures(t.word(i), fs);
      if (i > 0) fs.add(pair(t.word(i - 1), t.word(i)));
    }
    return fs;
  }

  private static String pair(String a, String b) {
    return "b:" + WordForms.fold(a) + ' ' + WordForms.fold(b);
  }

  /** A word's features; the same list in training and in scoring. */
  private static void wordFeatures(String word, List<String> out) {
    String folded = WordForms.fold(word);
    out.add("c:" + folded);
    out.add("i:" + WordForms.indonesianStem(word));
    if (WordForms.ascii(word)) out.add("e:" + WordForms.englishStem(word));
    String marked = '<' + folded + '>';
    for (int n = 3; n <= 5; n++) {
      for (int i = 0; i + n <= marked.length(); i++) out.add("g:" + marked.substring(i, i + n));
    }
  }
}
