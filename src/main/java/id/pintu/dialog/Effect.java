package id.pintu.dialog;

import id.pintu.safety.RiskLevel;
import java.util.List;

/** What the engine asks the world to do. Applied by the conversation layer in one transaction. */
public sealed interface Effect {
  /**
   * A message to the family. {@code buttons} are inline buttons, one per row;
   * {@code askContact} shows Telegram's "share my phone number" keyboard instead.
   */
  record Send(String text, List<Button> buttons, boolean askContact) implements Effect {
    public Send {
      buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public Send(String text) {
      this(text, List.of(), false);
    }
  }

  /** An intake value was captured. */
  record Capture(String field, String value, boolean sensitive) implements Effect {}

  /** One message of the family's story (ventilation), in their own words. */
  record StoryPart(String text) implements Effect {}

  /** The conversation was flagged, with the phrases that triggered it. */
  record Flag(String flag, RiskLevel level, List<String> categories, List<String> phrases)
      implements Effect {
    public Flag {
      categories = List.copyOf(categories);
      phrases = List.copyOf(phrases);
    }
  }

  /** The family should be handed to a counselor. */
  record Handoff(String queue, Priority priority, String reason) implements Effect {}

  /** The script ended. */
  record End(String reason) implements Effect {}

  /**
   * The family confirmed that their data be erased. What happens (erasure, or a legal hold
   * that keeps it) and what they are told is decided where effects are applied.
   */
  record Erase() implements Effect {}
}
