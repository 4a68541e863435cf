package id.pintu.safety;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;

/**
 * The crisis screen families meet: the lexicon's frames and the model of the labelled examples
 * ({@link ExampleModel}: p(urgent), p(concern)), each checking the other. What the frames said
 * decides how much the examples must say to change it:
 *
 * <table>
 *   <caption>verdict by the frames' level and the examples' probabilities</caption>
 *   <tr><th>frames</th><th>urgent</th><th>concern</th><th>none</th></tr>
 *   <tr><td>urgent</td><td>otherwise</td><td>p(urgent) &lt; {@value #LOWER_URGENT_BELOW} and
 *       p(concern) &ge; {@value #LOWER_WHEN_CONCERN_AT}: the examples know these words as a
 *       concern (over, negated, feared rather than done), so the family is asked the direct
 *       question instead of being sent the crisis script</td><td>never: the examples know short
 *       explicit messages badly ("i want to kill myself" looks ordinary to them), and in danger
 *       help comes first</td></tr>
 *   <tr><td>concern</td><td>p(urgent) &ge; {@value #RAISE_CONCERN_AT}: the frames saw part of
 *       the danger, the examples the rest</td><td>otherwise</td><td>p(urgent) + p(concern) &lt;
 *       {@value #FRAME_CONCERN_KEPT_AT}: ordinary beyond doubt; asked of every fifth ordinary
 *       message, the direct question becomes noise</td></tr>
 *   <tr><td>none</td><td>p(urgent) &ge; {@value #URGENT_ALONE_AT}: danger in words no frame
 *       has</td><td>p(urgent) + p(concern) &ge;
 *       {@value #CONCERN_ALONE_AT}</td><td>otherwise</td></tr>
 * </table>
 * The examples alone need more than when they confirm a frame because nearly all of their false
 * urgents were messages no frame touched. A verdict the family's earlier messages completed
 * (conversation memory) is never lowered: the model sees one message only; and messages under
 * {@value #MIN_WORDS} words are the frames' alone. The counselor sees the frame's phrase, or the
 * words that weighed most towards the examples. The thresholds were chosen on the examples by
 * leaving each writer's messages out in turn (docs/SAFETY.md), never on the held-out sets.
 * Pure and thread-safe.
 */
public final class CombinedScreen implements CrisisScreen {
  static final double RAISE_CONCERN_AT = 0.4;
  static final double LOWER_URGENT_BELOW = 0.15;
  static final double LOWER_WHEN_CONCERN_AT = 0.5;
  static final double FRAME_CONCERN_KEPT_AT = 0.2;
  static final double URGENT_ALONE_AT = 0.7;
  static final double CONCERN_ALONE_AT = 0.8;
  /**
   * The examples hold almost no message shorter than this (a name, "ya", "sudah"), so the model
   * knows nothing about them: shorter messages are the frames' alone.
   */
  static final int MIN_WORDS = 4;
  /** What the counselor is told a match by the examples is, before the family's own words. */
  static final String EXAMPLES_PHRASE = "like the %s examples";

  /** What a model is learned from: the examples, in the words the lexicon's normalisation makes. */
  private record Training(Lexicon.Normalisation normalisation, List<LabelledMessages.Message> examples) {}

  /** Learning takes seconds; the same examples are not learned twice in one process. */
  private static final Cache<Training, ExampleModel> LEARNED = Caffeine.newBuilder().maximumSize(4).build();

  private final FrameScreen frames;
  private final ExampleModel examples;

  /** Learns from {@code examples} (checked by {@link Examples}) and combines them with {@code frames}. */
  public CombinedScreen(FrameScreen frames, List<LabelledMessages.Message> examples) {
    this.frames = frames;
    List<String> categories = LabelledMessages.CATEGORIES.subList(0, LabelledMessages.CATEGORIES.size() - 1); // all but none
    this.examples = LEARNED.get(new Training(frames.normalisation(), List.copyOf(examples)),
        t -> new ExampleModel(frames.normalizer(), t.examples(), categories));
  }

  public FrameScreen frames() {
    return frames;
  }

  /** The examples' score of {@code text} alone (null under {@link #MIN_WORDS} words); for tests and tools. */
  ExampleModel.Score examplesScoreForTest(String text) {
    return examples.score(text, MIN_WORDS);
  }

  /** How many features the examples taught, for the start-up line. */
  public int learnedFeatures() {
    return examples.features();
  }

  @Override
  public ScreenResult screen(String text) {
    return screen(text, RiskMemory.EMPTY).result();
  }

  @Override
  public Screened screen(String text, RiskMemory memory) {
    Screened byFrames = frames.screen(text, memory);
    if (text == null || text.isBlank()) return byFrames;
    ExampleModel.Score s;
    try {
      s = examples.score(text, MIN_WORDS);
      if (s == null) return byFrames;
    } catch (RuntimeException e) {
      return byFrames; // the frames' verdict alone; FrameScreen counts its own failures
    }
    ScreenResult f = byFrames.result();
    double danger = s.urgent() + s.concern();
    RiskLevel level = switch (f.level()) {
      case URGENT -> s.urgent() < LOWER_URGENT_BELOW && s.concern() >= LOWER_WHEN_CONCERN_AT
          && byThisMessage(text, memory, RiskLevel.URGENT) ? RiskLevel.CONCERN : RiskLevel.URGENT;
      case CONCERN -> s.urgent() >= RAISE_CONCERN_AT ? RiskLevel.URGENT
          : danger >= FRAME_CONCERN_KEPT_AT || !byThisMessage(text, memory, RiskLevel.CONCERN) ? RiskLevel.CONCERN
          : RiskLevel.NONE;
      case NONE -> s.urgent() >= URGENT_ALONE_AT ? RiskLevel.URGENT
          : danger >= CONCERN_ALONE_AT ? RiskLevel.CONCERN : RiskLevel.NONE;
    };
    if (level == RiskLevel.NONE) return new Screened(ScreenResult.CLEAR, byFrames.memory());
    List<ScreenMatch> matches = new ArrayList<>(f.matches().size() + 1);
    if (level.ordinal() > f.level().ordinal()) {
      // The examples raised it: their reason first, the frames' (lower) ones after.
      matches.add(new ScreenMatch(s.category(), level, String.format(EXAMPLES_PHRASE, level.wire()), String.join(" … ", s.words())));
    }
    for (ScreenMatch m : f.matches()) {
      matches.add(m.level().ordinal() > level.ordinal() ? new ScreenMatch(m.category(), level, m.phrase(), m.excerpt()) : m);
    }
    if (level.ordinal() < f.level().ordinal()) {
      // The examples lowered it: the counselor sees the frame's words first, then why it was lowered.
      matches.add(new ScreenMatch(f.matches().get(0).category(), level, String.format(EXAMPLES_PHRASE, level.wire()), String.join(" … ", s.words())));
    }
    return new Screened(new ScreenResult(level, matches), byFrames.memory());
  }

  /** Whether this message alone gives the frames' {@code level}, not the family's earlier messages. */
  private boolean byThisMessage(String text, RiskMemory memory, RiskLevel level) {
    return memory == null || memory.isEmpty() || frames.screen(text).level() == level;
  }
}
