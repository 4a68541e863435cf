package id.pintu.safety;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin-editable crisis lexicon ({@code dialogs/crisis-lexicon.yaml}), as written.
 * It is plain data: {@link LexiconProblems#check(Lexicon)} says what is wrong with it and
 * {@link LexiconCrisisScreen} compiles it for matching. Missing sections are {@code null}.
 */
public record Lexicon(
    Integer version,
    Map<String, List<Entry>> categories,
    List<String> negations,
    @JsonProperty("negation_bridge") List<String> negationBridge,
    Hyperbole hyperbole,
    History history,
    Matching matching,
    Normalisation normalisation) {

  /** The categories the dialog engine and the referral lists know. */
  public static final Set<String> KNOWN_CATEGORIES = Set.of(
      "suicide_self_harm", "violence_home", "sexual_violence", "child_danger", "medical_emergency");

  /** Where the canonical lexicon lives in a checkout or deployment directory. */
  public static final String DEFAULT_RELATIVE_PATH = "dialogs/crisis-lexicon.yaml";

  /** The copy the jar carries; a test keeps it byte-identical to the canonical file. */
  public static final String CLASSPATH_RESOURCE = "/id/pintu/safety/crisis-lexicon.yaml";

  /**
   * One lexicon entry: one phrase or a few alternatives with the same meaning.
   *
   * @param phrase the alternatives; a single string in YAML is accepted as a one-item list
   * @param level {@code urgent} or {@code concern}
   * @param gap extra words allowed between phrase words for this entry (default: matching.max_gap)
   * @param casual also said as a joke or exaggeration; hyperbole context lowers it one step
   * @param onlyWith the entry counts only if the message also contains one of these
   * @param unless the entry does not count where the match is part of one of these
   *     (e.g. "berdarah" unless "demam berdarah")
   * @param note free text for admins
   */
  public record Entry(
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> phrase,
      String level,
      Integer gap,
      Boolean casual,
      @JsonProperty("only_with")
          @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<String> onlyWith,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> unless,
      String note) {

    public boolean isCasual() {
      return Boolean.TRUE.equals(casual);
    }
  }

  /** Context words that mark casual exaggeration, and how near they must be. */
  public record Hyperbole(Integer window, List<String> context) {}

  /**
   * Words that put the event in the past ("dulu", "pernah", "tahun lalu"): within the window
   * of a phrase they lower it one step, since a counselor should see it but it is not happening now.
   */
  public record History(Integer window, List<String> words) {}

  public record Matching(
      @JsonProperty("max_gap") Integer maxGap, @JsonProperty("negation_reach") Integer negationReach) {}

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

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
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
      throw new LexiconException(source, List.of(e.getOriginalMessage() + where));
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

  /** Categories in file order, never null. */
  public Map<String, List<Entry>> categoriesOrEmpty() {
    return categories == null ? Map.of() : new LinkedHashMap<>(categories);
  }

  public List<String> problems() {
    return LexiconProblems.check(this);
  }
}
