package id.pintu.dialog;

import java.util.List;

/** The result of one engine step: the new state and what to do. */
public record Step(SessionState state, List<Effect> effects) {
  public Step {
    effects = List.copyOf(effects);
  }
}
