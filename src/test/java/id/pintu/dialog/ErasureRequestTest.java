package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /hapus}: the engine asks first, with buttons, and only a confirmed "yes" becomes an
 * {@link Effect.Erase} (what is erased, or kept under a legal hold, is decided where effects
 * are applied). Works mid-conversation, while handed off and after the end.
 */
class ErasureRequestTest {
  @Test
  void hapusAsksWithButtonsAndYesAsksForTheErasure() {
    Conversation c = Walks.to("first-contact/age").command("hapus");
    assertEquals(Pending.CONFIRM_ERASE, c.state().pending());
    assertEquals(List.of("Ya, hapus data saya", "Tidak, jangan hapus"), c.buttonLabels());
    assertTrue(c.effects(Effect.Erase.class).isEmpty(), "nothing is erased on the command alone");
    c.data("g:erase:yes");
    assertEquals(1, c.effects(Effect.Erase.class).size());
    assertEquals(Pending.NONE, c.state().pending());
  }

  @Test
  void noKeepsTheDataAndAsksTheQuestionAgain() {
    Conversation c = Walks.to("first-contact/age").command("delete").data("g:erase:no");
    assertTrue(c.effects(Effect.Erase.class).isEmpty());
    assertEquals(List.of("Baik, data Anda tidak dihapus.", "Berapa usia Anda?"), c.texts());
    assertEquals("first-contact/age", c.node());
  }

  @Test
  void aStaleYesWithoutTheQuestionErasesNothing() {
    Conversation c = Walks.to("first-contact/age").data("g:erase:yes");
    assertTrue(c.effects(Effect.Erase.class).isEmpty());
  }

  @Test
  void erasureCanBeAskedForAfterTheEnd() {
    Conversation c = Walks.to("first-contact/age").command("berhenti").press("Ya, berhenti");
    assertEquals(ConversationStatus.ENDED, c.state().status());
    c.command("hapus");
    assertEquals(Pending.CONFIRM_ERASE, c.state().pending());
    c.data("g:erase:yes");
    assertEquals(1, c.effects(Effect.Erase.class).size(), "the press is not read as a new first contact");
  }

  @Test
  void erasureWhileHandedOff() {
    Conversation c = Walks.to("first-contact/age").command("konselor").command("erase");
    assertEquals(List.of("Yes, erase my data", "No, keep it").size(), c.buttonLabels().size());
    c.data("g:erase:yes");
    assertEquals(1, c.effects(Effect.Erase.class).size());
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
  }
}
