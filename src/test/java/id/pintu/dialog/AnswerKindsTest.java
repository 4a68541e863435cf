package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of question accepts what a family would naturally answer, and captures it. */
class AnswerKindsTest {

  private static Effect.Capture capture(Conversation c) {
    assertEquals(1, c.effects(Effect.Capture.class).size(), c.transcript());
    return c.effects(Effect.Capture.class).get(0);
  }

  @Test
  void choiceByButton() {
    Conversation c = Walks.to("first-contact/client_type").press("Disarankan pihak lain");
    assertEquals(new Effect.Capture("client_type", "non_voluntary", false), capture(c));
    assertEquals("first-contact/topic", c.node());
  }

  @Test
  void choiceByTypedLabelInEitherLanguage() {
    assertEquals("voluntary", capture(Walks.to("first-contact/client_type").type("kemauan sendiri")).value());
    assertEquals("voluntary", capture(Walks.to("first-contact/client_type").type("On my own!")).value());
  }

  @Test
  void choiceByTypedNumberPicksTheNthButton() {
    Conversation c = Walks.to("first-contact/topic").type("2");
    Effect.Capture cap = capture(c);
    assertEquals("violence", cap.value());
    assertTrue(cap.sensitive(), "the problem is specific personal data");
  }

  @Test
  void choiceOptionCanLeadElsewhere() {
    Conversation c = Walks.to("first-contact/topic").press("Hanya ingin informasi");
    assertEquals("info/more", c.node());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ya", "iya", "Ya.", "yes", "boleh", "1"})
  void yesnoAcceptsYes(String answer) {
    Conversation c = Walks.to("first-contact/consent").type(answer);
    assertEquals(new Effect.Capture("consent", "yes", false), capture(c));
    assertEquals("first-contact/name", c.node());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tidak", "Tidak", "gak", "no"})
  void yesnoAcceptsNo(String answer) {
    Conversation c = Walks.to("first-contact/consent").type(answer);
    assertEquals("no", capture(c).value());
  }

  @Test
  void yesnoByDefaultButtons() {
    Conversation c = Walks.to("first-contact/consent");
    assertEquals(java.util.List.of("Ya", "Tidak"), c.buttonLabels());
    assertEquals("yes", capture(c.press("Ya")).value());
  }

  @Test
  void textWithinLengthIsCapturedTrimmed() {
    Conversation c = Walks.to("first-contact/name").type("  Ibu Sari  ");
    assertEquals(new Effect.Capture("name", "Ibu Sari", false), capture(c));
  }

  @Test
  void textTooShortOrTooLongIsNotTaken() {
    Conversation c = Walks.to("first-contact/name").type("S");
    assertTrue(c.effects(Effect.Capture.class).isEmpty());
    assertTrue(c.said().contains("minimal 2 huruf"), c.said());
    c.type("x".repeat(41));
    assertTrue(c.said().contains("maksimal 40 huruf"), c.said());
    assertEquals("first-contact/name", c.node());
  }

  @Test
  void textWithPattern() {
    Conversation c = Walks.to("first-contact/postcode").type("401");
    assertTrue(c.said().startsWith("Kode pos terdiri dari 5 angka"), "the node's own re-prompt: " + c.said());
    assertEquals("40115", capture(c.type("40115")).value());
  }

  @Test
  void numberInRangeEvenInsideASentence() {
    assertEquals(new Effect.Capture("age", "34", false), capture(Walks.to("first-contact/age").type("umur saya 34 tahun")));
  }

  @Test
  void numberOutOfRangeIsNotTaken() {
    Conversation c = Walks.to("first-contact/age").type("7");
    assertTrue(c.effects(Effect.Capture.class).isEmpty());
    assertEquals("first-contact/age", c.node());
  }

  @Test
  void contactByShareButtonOrTypedNumber() {
    Conversation c = Walks.to("first-contact/phone");
    assertTrue(c.lastStep().effects().stream().anyMatch(e -> e instanceof Effect.Send s && s.askContact()));
    Effect.Capture cap = capture(c.contact("+62 812-3456-7890"));
    assertEquals(new Effect.Capture("phone", "+6281234567890", true), cap);
    assertEquals("0812345678", capture(Walks.to("first-contact/phone").type("0812 345 678")).value());
  }

  @Test
  void contactRejectsWords() {
    Conversation c = Walks.to("first-contact/phone").type("nanti saja");
    assertTrue(c.effects(Effect.Capture.class).isEmpty());
    assertTrue(c.said().contains("Bagikan nomor"), c.said());
  }

  @Test
  void capturedValuesAreKeptInTheState() {
    Conversation c = Walks.to("first-contact/story");
    assertEquals("Sari", c.state().fields().get("name"));
    assertEquals("34", c.state().fields().get("age"));
    assertEquals("081234567890", c.state().fields().get("phone"));
    assertFalse(c.state().fields().containsKey("nope"));
  }
}
