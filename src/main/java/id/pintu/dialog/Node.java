package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One step of a dialog script. The set of kinds is closed: the engine handles each. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Node.Say.class, name = "say"),
  @JsonSubTypes.Type(value = Node.Ask.class, name = "ask"),
  @JsonSubTypes.Type(value = Node.Listen.class, name = "listen"),
  @JsonSubTypes.Type(value = Node.Branch.class, name = "branch"),
  @JsonSubTypes.Type(value = Node.Handoff.class, name = "handoff"),
  @JsonSubTypes.Type(value = Node.End.class, name = "end"),
  @JsonSubTypes.Type(value = Node.Goto.class, name = "goto"),
})
public sealed interface Node {
  String id();

  Technique technique();

  /**
   * Where the engine goes instead of this node when a crisis skips small talk: a say's or a
   * listen's next, an ask's next or else its last option's; null when it has none (the
   * validator reports that) or when this kind is never skipped.
   */
  static String crisisSkipTarget(Node n) {
    if (n instanceof Say say) return say.next();
    if (n instanceof Listen l) return l.next();
    if (n instanceof Ask a) {
      if (a.next() != null) return a.next();
      if (a.options() == null || a.options().isEmpty()) return null;
      Option last = a.options().get(a.options().size() - 1);
      return last == null ? null : last.next();
    }
    return null;
  }

  /** The kind as written in a script. */
  @JsonIgnore
  default String kind() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** One or more messages, then on to {@code next}. */
  record Say(String id, Technique technique, List<Text> text, String next) implements Node {}

  /**
   * A question. {@code capture} names the intake field the answer goes into; {@code skip}
   * offers a "skip" button where the question is not essential. Text answers may be bounded
   * by {@code pattern} and length, numbers by {@code min}/{@code max}. {@code invalid} is an
   * optional kinder re-prompt than the default.
   */
  record Ask(
      String id,
      Technique technique,
      InputKind input,
      Text text,
      List<Option> options,
      String capture,
      boolean skip,
      String next,
      String pattern,
      Integer minLength,
      Integer maxLength,
      Double min,
      Double max,
      Text invalid)
      implements Node {
    public List<Option> options() {
      return options == null ? List.of() : options;
    }
  }

  /**
   * Ventilation: the family writes as much as they want. Each message gets at most a short
   * acknowledgement; the node ends on the "done" button, an end phrase, or after
   * {@code maxMessages}.
   */
  record Listen(
      String id,
      Technique technique,
      Text text,
      List<Text> acknowledgements,
      Integer maxMessages,
      String next)
      implements Node {
    public static final int DEFAULT_MAX_MESSAGES = 12;

    public int limit() {
      return maxMessages == null || maxMessages < 1 ? DEFAULT_MAX_MESSAGES : maxMessages;
    }
  }

  /** Routes on captured values or flags; {@code otherwise} when no rule holds. */
  record Branch(String id, Technique technique, List<BranchRule> rules, String otherwise)
      implements Node {
    public List<BranchRule> rules() {
      return rules == null ? List.of() : rules;
    }
  }

  /** Asks for a counselor: a case is opened in {@code queue} with at least {@code priority}. */
  record Handoff(String id, Technique technique, Text text, String queue, Priority priority)
      implements Node {}

  /** The conversation ends here. */
  record End(String id, Technique technique, Text text) implements Node {}

  /** Continues in another script, at its start or at {@code node}. */
  record Goto(String id, Technique technique, String script, String node) implements Node {}
}
