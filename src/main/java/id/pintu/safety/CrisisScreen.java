package id.pintu.safety;

/**
 * Screens one free-text message a family wrote for signs of danger.
 * Implementations must be pure and thread-safe: the dialog engine calls them on every
 * free-text input, from many chats at once, and must never see an exception.
 */
public interface CrisisScreen {
  ScreenResult screen(String text);

  /** A screen that never flags anything; for tests of other behaviour only. */
  CrisisScreen NONE = text -> ScreenResult.CLEAR;
}
