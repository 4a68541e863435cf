package id.pintu.safety;

/**
 * Screens one free-text message a family wrote for signs of danger.
 * Implementations must be pure and thread-safe: the dialog engine calls them on every
 * free-text input, from many chats at once, and must never see an exception.
 */
public interface CrisisScreen {
  ScreenResult screen(String text);

  /**
   * Screens {@code text} together with what the family's last few messages signalled
   * ({@code memory}, from the session state) and returns the verdict with the memory to keep.
   * A screen without conversation memory judges the message alone.
   */
  default Screened screen(String text, RiskMemory memory) {
    return new Screened(screen(text), memory);
  }

  /** A screen that never flags anything; for tests of other behaviour only. */
  CrisisScreen NONE = text -> ScreenResult.CLEAR;
}
