package id.pintu.safety;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the crisis screen from a dialogs folder's lexicon and examples, or the copies shipped in the jar. */
public final class CrisisScreens {
  public static final String LEXICON_FILE = "crisis-lexicon.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(CrisisScreens.class);

  private CrisisScreens() {}

  /** The admin's files (or the built-in copies), read and checked; {@code from...} say which for the log. */
  private record Sources(FrameScreen frames, List<LabelledMessages.Message> examples, String fromLexicon, String fromExamples) {
    static Sources read(Path dialogsDir) {
      Path lexicon = dialogsDir.resolve(LEXICON_FILE);
      Path examples = dialogsDir.resolve(Examples.FILE);
      boolean ownLexicon = Files.isRegularFile(lexicon);
      boolean ownExamples = Files.isRegularFile(examples);
      return new Sources(new FrameScreen(ownLexicon ? Lexicon.load(lexicon) : Lexicon.fromClasspath()),
          ownExamples ? Examples.load(examples) : Examples.fromClasspath(),
          ownLexicon ? lexicon.toString() : "built in", ownExamples ? examples.toString() : "the built-in copy");
    }
  }

  /**
   * The screen for {@code dialogsDir}: its {@code crisis-lexicon.yaml} and
   * {@code crisis-examples.tsv} when present, else the defaults in the jar, learned before it
   * returns (tools and tests). Throws {@link Lexicon.LexiconException} or
   * {@link Examples.ExamplesException} naming the problems when the admin's files are invalid:
   * a broken safety net must not start silently.
   */
  public static CombinedScreen forDialogs(Path dialogsDir) {
    Sources s = Sources.read(dialogsDir);
    long started = System.nanoTime();
    CombinedScreen screen = new CombinedScreen(s.frames(), s.examples());
    LOG.info("crisis screen: lexicon {}, {} examples from {} learned in {} ms", s.fromLexicon(), s.examples().size(), s.fromExamples(),
        (System.nanoTime() - started) / 1_000_000);
    return screen;
  }

  /**
   * The service's screen for {@code dialogsDir}: the files are read and checked now (a broken
   * file stops the start, as with {@link #forDialogs}), the examples are learned in the
   * background ({@link LearningScreen}) so that the first replies do not wait for them.
   */
  public static LearningScreen forService(Path dialogsDir) {
    Sources s = Sources.read(dialogsDir);
    LOG.info("crisis screen: lexicon {}; {} examples from {} are being learned, the frames screen meanwhile", s.fromLexicon(),
        s.examples().size(), s.fromExamples());
    return new LearningScreen(s.frames(), () -> new CombinedScreen(s.frames(), s.examples()), s.examples().size() + " examples");
  }
}
