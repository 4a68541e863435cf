package id.pintu.safety;

import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the crisis screen from a dialogs folder's lexicon, or the lexicon shipped in the jar. */
public final class CrisisScreens {
  public static final String LEXICON_FILE = "crisis-lexicon.yaml";

  private CrisisScreens() {}

  /**
   * The lexicon screen for {@code dialogsDir}: its {@code crisis-lexicon.yaml} when present,
   * else the default lexicon in the jar. Throws {@link Lexicon.LexiconException} naming the
   * problems when the admin's lexicon is invalid: a broken safety net must not start silently.
   */
  public static FrameScreen forDialogs(Path dialogsDir) {
    Path file = dialogsDir.resolve(LEXICON_FILE);
    return new FrameScreen(Files.isRegularFile(file) ? Lexicon.load(file) : Lexicon.fromClasspath());
  }
}
