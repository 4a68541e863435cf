package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ventilation: the family tells the story in their own words; the bot listens, briefly. */
class VentilationTest {
  @Test
  void storyIsKeptInOrderWithVariedShortAcknowledgements() {
    Conversation c = Walks.to("first-contact/story");
    List<String> parts = List.of("Suami saya sering pulang malam.", "Kalau ditanya dia marah.", "Anak-anak jadi takut.", "Saya bingung harus bagaimana.");
    List<String> acks = new ArrayList<>();
    for (String p : parts) {
      c.type(p);
      assertEquals(1, c.texts().size(), "one short acknowledgement per message");
      acks.add(c.texts().get(0));
      assertEquals(List.of(new Effect.StoryPart(p)), c.effects(Effect.StoryPart.class));
      assertEquals(List.of("Sudah, itu saja"), c.buttonLabels());
    }
    assertEquals(parts, c.state().story());
    assertEquals(acks.size(), new HashSet<>(acks).size(), "varied: " + acks);
    for (String a : acks) {
      assertFalse(a.contains("?"), "no questions piled on: " + a);
      assertTrue(a.length() < 80, "short: " + a);
    }
    assertEquals("first-contact/story", c.node());
  }

  @Test
  void endsOnTheDoneButton() {
    Conversation c = Walks.to("first-contact/story").type("cerita").press("Sudah, itu saja");
    assertEquals("first-contact/menu", c.node());
    assertEquals(List.of("cerita"), c.state().story());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sudah", "Sudah.", "itu saja", "done", "udah"})
  void endsOnAnEndPhrase(String phrase) {
    Conversation c = Walks.to("first-contact/story").type("cerita saya").type(phrase);
    assertEquals("first-contact/menu", c.node());
    assertEquals(List.of("cerita saya"), c.state().story(), "the end phrase is not part of the story");
  }

  @Test
  void anEndPhraseBeforeAnyStoryIsPartOfTheStory() {
    Conversation c = Walks.to("first-contact/story").type("sudah");
    assertEquals("first-contact/story", c.node());
    assertEquals(List.of("sudah"), c.state().story());
  }

  @Test
  void endsAtTheMaximumNumberOfMessages() {
    Conversation c = Walks.to("first-contact/story");
    for (int i = 1; i <= 5; i++) c.type("bagian " + i);
    assertEquals("first-contact/menu", c.node());
    assertEquals(5, c.state().story().size());
    assertTrue(c.said().startsWith("Terima kasih sudah bercerita sebanyak ini"), c.said());
    assertEquals(0, c.state().listened());
  }

  @Test
  void mediaDuringTheStoryLeavesAMarker() {
    Conversation c = Walks.to("first-contact/story").type("Ini fotonya").media("photo");
    assertEquals(List.of("Ini fotonya", "[photo]"), c.state().story());
    assertTrue(c.said().contains("foto"), c.said());
    assertEquals("first-contact/story", c.node());
  }

  @Test
  void acknowledgementsFollowTheLanguage() {
    Conversation c = Walks.to("first-contact/story").command("english").type("my husband shouts");
    assertEquals("I'm listening.", c.texts().get(0));
    assertEquals(List.of("I'm done"), c.buttonLabels());
  }
}
