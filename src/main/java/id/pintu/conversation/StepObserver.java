package id.pintu.conversation;

import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;

/** Told about each committed step, e.g. to count handoffs and where families stop. Must not block. */
public interface StepObserver {
  StepObserver NONE = new StepObserver() {};

  /** A step was committed; {@code before} is null for a chat's very first message. */
  default void stepped(long chatId, SessionState before, Step step) {}

  /** A conversation was closed because the family stopped answering at {@code state}'s node. */
  default void closedIdle(long chatId, SessionState state) {}
}
