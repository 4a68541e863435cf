package id.pintu.dialog;

import java.util.List;
import java.util.function.UnaryOperator;

/** Ready-made walks through the fixture first contact, to each node that waits for the family. */
final class Walks {
  private Walks() {}

  /** Every node of the fixture that waits for the family, in walking order. */
  static final List<String> WAITING_NODES = List.of(
      "first-contact/how_are_you", "first-contact/consent", "first-contact/name", "first-contact/age",
      "first-contact/client_type", "first-contact/topic", "first-contact/phone", "first-contact/postcode",
      "first-contact/story", "first-contact/menu", "info/more");

  private static final List<UnaryOperator<Conversation>> STEPS = List.of(
      c -> c.start(),                        // -> how_are_you
      c -> c.press("Baik"),                  // -> consent
      c -> c.type("ya"),                     // -> name
      c -> c.type("Sari"),                   // -> age
      c -> c.type("34"),                     // -> client_type
      c -> c.press("Kemauan sendiri"),       // -> topic
      c -> c.press("Konflik keluarga"),      // -> phone
      c -> c.contact("081234567890"),        // -> postcode
      c -> c.type("40115"),                  // -> story
      c -> c.type("Suami saya sering marah").press("Sudah, itu saja")); // -> menu

  /** A fresh conversation with the fixtures, walked to {@code node} ("script/node"). */
  static Conversation to(String node) {
    Conversation c = Conversation.withFixtures();
    if (node.equals("info/more")) {
      for (int i = 0; i <= 5; i++) STEPS.get(i).apply(c);
      c.press("Hanya ingin informasi");
    } else {
      int idx = WAITING_NODES.indexOf(node);
      if (idx < 0) throw new IllegalArgumentException(node);
      for (int i = 0; i <= idx; i++) STEPS.get(i).apply(c);
    }
    if (!c.node().equals(node)) throw new AssertionError("walk ended at " + c.node() + " not " + node + "\n" + c.transcript());
    return c;
  }
}
