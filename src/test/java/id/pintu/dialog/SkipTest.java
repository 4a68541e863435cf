package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Self-determination: a family may skip any question that is not essential. */
class SkipTest {
  @Test
  void skipByButton() {
    Conversation c = Walks.to("first-contact/name");
    assertTrue(c.buttonLabels().contains("Lewati"));
    c.press("Lewati");
    assertEquals("first-contact/age", c.node());
    assertTrue(c.effects(Effect.Capture.class).isEmpty());
  }

  @Test
  void skipByCommand() {
    assertEquals("first-contact/postcode", Walks.to("first-contact/phone").command("lewati").node());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lewati", "Lewati", "skip"})
  void skipByTypingIt(String word) {
    Conversation c = Walks.to("first-contact/name").type(word);
    assertEquals("first-contact/age", c.node());
    assertTrue(c.effects(Effect.Capture.class).isEmpty(), "'" + word + "' is not anybody's name");
  }

  @Test
  void nonSkippableQuestionHasNoSkipButton() {
    Conversation c = Walks.to("first-contact/age");
    assertTrue(c.effects(Effect.Send.class).stream().allMatch(s -> s.buttons().isEmpty()), c.transcript());
  }

  @Test
  void skipRefusedKindlyOnANonSkippableQuestionByCommand() {
    Conversation c = Walks.to("first-contact/age").command("lewati");
    assertEquals("first-contact/age", c.node());
    assertTrue(c.said().startsWith("Pertanyaan ini kami perlukan"), c.said());
    assertTrue(c.said().contains("/konselor"), "offers a person instead");
    assertTrue(c.said().endsWith("Berapa usia Anda?"), "and asks again");
  }

  @ParameterizedTest
  @ValueSource(strings = {"first-contact/age", "first-contact/client_type", "first-contact/consent"})
  void skipRefusedKindlyOnANonSkippableQuestionByTypingIt(String node) {
    Conversation c = Walks.to(node).type("lewati");
    assertEquals(node, c.node());
    assertTrue(c.effects(Effect.Capture.class).isEmpty(), c.transcript());
    assertTrue(c.said().startsWith("Pertanyaan ini kami perlukan"), c.said());
    assertEquals(0, c.state().misses(), "asking to skip is not a wrong answer");
  }

  @Test
  void skipAtTheStoryFinishesIt() {
    assertEquals("first-contact/menu", Walks.to("first-contact/story").command("lewati").node());
  }
}
