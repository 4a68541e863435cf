package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kind re-prompts that say what is expected; after three misses, a person is offered. */
class RepromptTest {
  @Test
  void numberRepromptSaysTheRange() {
    Conversation c = Walks.to("first-contact/age").type("sudah tua");
    assertEquals(1, c.texts().size());
    assertTrue(c.said().startsWith("Maaf, saya perlu jawaban berupa angka dari 10 sampai 100."), c.said());
    assertTrue(c.said().endsWith("Berapa usia Anda?"), "and the question again");
    assertEquals(1, c.state().misses());
  }

  @Test
  void numberRepromptInEnglish() {
    Conversation c = Walks.to("first-contact/age").command("english").type("old");
    assertTrue(c.said().contains("I need a number from 10 to 100"), c.said());
  }

  @Test
  void choiceRepromptPointsAtTheButtonsAndShowsThemAgain() {
    Conversation c = Walks.to("first-contact/client_type").type("entahlah");
    assertTrue(c.said().contains("pilih salah satu tombol"), c.said());
    assertEquals(List.of("Kemauan sendiri", "Disarankan pihak lain"), c.buttonLabels());
  }

  @Test
  void repromptsContainNoBlame() {
    Conversation c = Walks.to("first-contact/age").type("x");
    for (String w : List.of("salah", "wrong", "invalid", "error")) assertTrue(!c.said().toLowerCase().contains(w), c.said());
  }

  @Test
  void threeMissesOfferAPerson() {
    Conversation c = Walks.to("first-contact/name").type("x").type("y").type("z");
    assertTrue(c.said().contains("langsung bicara dengan konselor"), c.said());
    assertEquals(List.of("Bicara dengan konselor", "Coba lagi", "Lewati"), c.buttonLabels());
    assertEquals(Pending.OFFER_PERSON, c.state().pending());
  }

  @Test
  void threeMissesOnARequiredQuestionOfferNoSkip() {
    Conversation c = Walks.to("first-contact/age").type("a").type("b").type("c");
    assertEquals(List.of("Bicara dengan konselor", "Coba lagi"), c.buttonLabels());
  }

  @Test
  void pressingTalkToACounselorHandsOff() {
    Conversation c = Walks.to("first-contact/age").type("a").type("b").type("c").press("Bicara dengan konselor");
    assertEquals(1, c.effects(Effect.Handoff.class).size());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
  }

  @Test
  void tryAgainAsksAgainWithACleanSlate() {
    Conversation c = Walks.to("first-contact/age").type("a").type("b").type("c").press("Coba lagi");
    assertEquals(List.of("Berapa usia Anda?"), c.texts());
    assertEquals(0, c.state().misses());
    assertEquals("34", c.type("34").state().fields().get("age"));
  }

  @Test
  void skipFromTheOfferMovesOn() {
    Conversation c = Walks.to("first-contact/name").type("x").type("y").type("z").press("Lewati");
    assertEquals("first-contact/age", c.node());
  }

  @Test
  void aGoodAnswerResetsTheMisses() {
    Conversation c = Walks.to("first-contact/age").type("a").type("b").type("40");
    assertEquals(0, c.state().misses());
    assertEquals("first-contact/client_type", c.node());
  }
}
