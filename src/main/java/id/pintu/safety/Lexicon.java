package id.pintu.safety;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin-editable crisis lexicon ({@code dialogs/crisis-lexicon.yaml}), as written.
 *
 * <p>It describes danger as <em>frames</em>, not as a list of sentences: a {@link Concept} is a
 * named group of words that mean one thing (a method, a place, a weapon, a time, a victim), and
 * a {@link Frame} says which concepts together make a message urgent or a concern ("a means" +
 * "ready", "a violent act" + "a victim" + not in the past). So a sentence nobody wrote down is
 * still caught when its parts are known. Plain data: {@link LexiconProblems#check(Lexicon)}
 * says what is wrong with it and {@link FrameScreen} compiles it. Missing sections are null.
 */
public record Lexicon(
    Integer version,
    Map<String, Concept> concepts,
    List<Frame> frames,
    Stance stance,
    Matching matching,
    Normalisation normalisation) {

  /** The categories the dialog engine, the desk and the referral lists know. */
  public static final Set<String> KNOWN_CATEGORIES = Set.of(
      "suicide_self_harm", "violence_home", "harm_to_others", "sexual_violence", "child_danger",
      "trafficking", "medical_emergency");

  /** Where the canonical lexicon lives in a checkout or deployment directory. */
  public static final String DEFAULT_RELATIVE_PATH = "dialogs/crisis-lexicon.yaml";

  /** The copy the jar carries; a test keeps it byte-identical to the canonical file. */
  public static final String CLASSPATH_RESOURCE = "/id/pintu/safety/crisis-lexicon.yaml";

  /**
   * A named group of words with one meaning. Written either as a plain list
   * ({@code weapon: [pisau, golok, knife]}) or with options.
   *
   * @param words single words, {@code word*} prefixes, phrases of several words, {@code #} for
   *     any number
   * @param except phrases in which a match of this concept does not count
   *     ({@code pukul #}: "pukul 8" is a time of day, not a blow)
   * @param note free text for admins
   */
  public record Concept(List<String> words, List<String> except, String note) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Concept of(JsonNode node) {
      if (node == null || node.isNull()) return new Concept(null, null, null);
      if (node.isArray() || node.isTextual()) return new Concept(strings(node), null, null);
      for (var it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("words") && !f.equals("except") && !f.equals("note")) {
          throw new IllegalArgumentException("unknown key '" + f + "' in a concept (use words, except, note)");
        }
      }
      return new Concept(strings(node.get("words")), strings(node.get("except")),
          node.hasNonNull("note") ? node.get("note").asText() : null);
    }

    private static List<String> strings(JsonNode n) {
      if (n == null || n.isNull()) return null;
      List<String> out = new ArrayList<>();
      if (n.isArray()) n.forEach(x -> out.add(x.isNull() ? null : x.asText()));
      else out.add(n.asText());
      return out;
    }
  }

  /**
   * Concepts that together signal danger.
   *
   * @param id a short unique name, shown to counselors as the reason
   * @param category one of {@link #KNOWN_CATEGORIES}
   * @param level {@code urgent} or {@code concern}
   * @param all the parts, each a concept name or alternatives {@code a|b}; every part must be
   *     present within {@code window} words (or, for several parts, across the family's last few
   *     messages). The first part is the act itself: a negation before it lowers the level.
   * @param casual also said as a joke: a joke word nearby lowers it a step, laughter one more
   * @param window at most this many words from the first part's start to the last part's end
   * @param lowerWith concepts that make this frame less likely to mean danger now: one step lower
   * @param note free text for admins
   */
  public record Frame(
      String id,
      String category,
      String level,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> all,
      Boolean casual,
      Integer window,
      @JsonProperty("lower_with") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<String> lowerWith,
      String note) {
    public boolean isCasual() {
      return Boolean.TRUE.equals(casual);
    }
  }

  /**
   * How the writer stands to what they wrote.
   *
   * @param negations words that deny what follows ("tidak", "never"); one step lower, and a
   *     negated act is not remembered for the next message
   * @param negationBridge words allowed between a negation and the act ("tidak <i>pernah</i> ingin")
   * @param negationReach how many bridge words at most
   * @param joke casual exaggeration: context words near a casual frame, laughter anywhere
   * @param past words that place it in the past, and words that say it is happening now
   * @param report words that mark news, fiction, games or a question for information: urgent
   *     becomes concern (never lower: a person in danger may still be behind it)
   */
  public record Stance(
      List<String> negations,
      @JsonProperty("negation_bridge") List<String> negationBridge,
      @JsonProperty("negation_reach") Integer negationReach,
      Joke joke,
      Past past,
      List<String> report) {}

  public record Joke(Integer window, List<String> context, List<String> laughter) {}

  /**
   * @param window how near a past word must be to count
   * @param words "dulu", "tahun lalu", "years ago"
   * @param present "sekarang", "lagi", "tonight": with one of these in the message, a past word
   *     does not lower the level (it happened before and is happening again)
   */
  public record Past(Integer window, List<String> words, List<String> present) {}

  /**
   * @param gap extra words allowed between the words of a phrase
   * @param window default frame window in words
   * @param typoMinLength words at least this long also match with one typo (0: never)
   */
  public record Matching(Integer gap, Integer window, @JsonProperty("typo_min_length") Integer typoMinLength) {}

  /** How chat spelling is tidied before matching; see {@link ChatNormalizer}. */
  public record Normalisation(
      Map<String, String> abbreviations,
      @JsonProperty("number_letters") Map<String, String> numberLetters,
      Map<String, String> symbols) {}

  /** Thrown when the lexicon cannot be read or is not valid; {@link #problems()} names the entries. */
  public static final class LexiconException extends RuntimeException {
    private final List<String> problems;

    public LexiconException(String source, List<String> problems) {
      super("crisis lexicon " + (source.isEmpty() ? "" : source + " ") + "is not valid:\n  - " + String.join("\n  - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  // A key written twice (a second "except:" in a concept) silently replaced the first: refused instead.
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder().build()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /** Reads a lexicon file. Syntax errors and unknown keys become a {@link LexiconException}. */
  public static Lexicon load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crisis lexicon " + file, e);
    }
  }

  /** Reads a lexicon from a stream (not closed); {@code source} names it in error messages. */
  public static Lexicon parse(InputStream in, String source) {
    try {
      Lexicon lexicon = YAML.readValue(in, Lexicon.class);
      if (lexicon == null) {
        throw new LexiconException(source, List.of("the file is empty"));
      }
      return lexicon;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      String why = e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : e.getOriginalMessage();
      throw new LexiconException(source, List.of(why + where));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read crisis lexicon " + source, e);
    }
  }

  /** The lexicon the jar carries. */
  public static Lexicon fromClasspath() {
    try (InputStream in = Lexicon.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("crisis lexicon missing from classpath: " + CLASSPATH_RESOURCE);
      }
      return parse(in, "classpath:" + CLASSPATH_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code dialogs/crisis-lexicon.yaml} under {@code baseDir} if it exists (the admins' copy),
   * otherwise the copy on the classpath.
   */
  public static Lexicon loadDefault(Path baseDir) {
    if (baseDir != null) {
      Path file = baseDir.resolve(DEFAULT_RELATIVE_PATH);
      if (Files.isRegularFile(file)) {
        return load(file);
      }
    }
    return fromClasspath();
  }

  /** {@link #loadDefault(Path)} from the working directory. */
  public static Lexicon loadDefault() {
    return loadDefault(Path.of(""));
  }

  /** Concepts in file order, never null. */
  public Map<String, Concept> conceptsOrEmpty() {
    return concepts == null ? Map.of() : new LinkedHashMap<>(concepts);
  }

  public List<Frame> framesOrEmpty() {
    return frames == null ? List.of() : frames;
  }

  public List<String> problems() {
    return LexiconProblems.check(this);
  }
}
