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

  /**
   * The screen for {@code dialogsDir}: its {@code crisis-lexicon.yaml} and
   * {@code crisis-examples.tsv} when present, else the defaults in the jar. Throws
   * {@link Lexicon.LexiconException} or {@link Examples.ExamplesException} naming the problems
   * when the admin's files are invalid: a broken safety net must not start silently.
   */
  public static CombinedScreen forDialogs(Path dialogsDir) {
    Path lexicon = dialogsDir.resolve(LEXICON_FILE);
    Path examples = dialogsDir.resolve(Examples.FILE);
    boolean ownLexicon = Files.isRegularFile(lexicon);
    boolean ownExamples = Files.isRegularFile(examples);
    FrameScreen frames = new FrameScreen(ownLexicon ? Lexicon.load(lexicon) : Lexicon.fromClasspath());
    List<LabelledMessages.Message> learned = ownExamples ? Examples.load(examples) : Examples.fromClasspath();
    long started = System.nanoTime();
    CombinedScreen screen = new CombinedScreen(frames, learned);
    LOG.info("crisis screen: lexicon {}, {} examples from {} learned in {} ms", ownLexicon ? lexicon : "built in",
        learned.size(), ownExamples ? examples : "the built-in copy", (System.nanoTime() - started) / 1_000_000);
    return screen;
  }
}
