package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {field} and {help_contacts} placeholders are filled in the family's language. */
class InterpolationTest {
  @Test
  void fieldIsFilledIn() {
    Conversation c = Walks.to("first-contact/postcode").type("40115");
    assertEquals("Terima kasih, Sari. Menghubungi kami adalah langkah yang baik.", c.texts().get(0));
  }

  @Test
  void skippedFieldLeavesNoPlaceholderBehind() {
    Conversation c = Walks.to("first-contact/name").press("Lewati").type("30").press("Kemauan sendiri")
        .press("Lewati").command("lewati").press("Lewati"); // the phone question shows the share-number keyboard instead
    assertEquals("first-contact/story", c.node());
    assertTrue(c.allTexts().contains("Terima kasih, . Menghubungi kami adalah langkah yang baik."), c.transcript());
    assertTrue(c.allTexts().stream().noneMatch(t -> t.contains("{")));
  }

  @Test
  void helpContactsInBothLanguages() {
    String id = Fixtures.helpContacts("id");
    assertTrue(id.contains("SAPA 129 – telepon 129, WhatsApp 08111-129-129 (kekerasan terhadap perempuan dan anak)"), id);
    assertTrue(id.contains("Darurat – telepon 112 (belum aktif di semua daerah)"), id);
    String en = Fixtures.helpContacts("en");
    assertTrue(en.contains("SAPA 129 – call 129"), en);
    Conversation c = Walks.to("first-contact/menu").command("english").press("That's all for now");
    assertTrue(c.said().contains(en), c.said());
  }

  @Test
  void serviceTextsAndLiteralBraces() {
    Interpolator i = new Interpolator(Fixtures.book().shared());
    assertEquals("LK3 Uji: {not a placeholder} Rina", i.render(Text.of("{service.name}: {not a placeholder} {name}", "x"), "id", Map.of("name", "Rina")));
  }

  @Test
  void whatAFamilyTypedIsNeverInterpolatedAgain() {
    Interpolator i = new Interpolator(Fixtures.book().shared());
    assertEquals("Hi {help_contacts}", i.render(Text.of("Hi {name}", "Hi {name}"), "en", Map.of("name", "{help_contacts}")));
  }

  /** A very long answer must not make a message Telegram refuses (4,096 characters). */
  @Test
  void aHugeCapturedValueDoesNotBreakTheMessageLimit() {
    ScriptBook b = Fixtures.with("""
        id: first-contact
        start: q
        nodes:
          - id: q
            kind: ask
            input: text
            capture: worry
            text: {id: "Apa yang paling Anda khawatirkan?", en: "What worries you most?"}
            next: echo
          - id: echo
            kind: say
            text: {id: "Anda menulis: {worry}. {worry}", en: "You wrote: {worry}. {worry}"}
            next: q
        """);
    Conversation c = Conversation.with(b).start().type("ä".repeat(5000));
    assertEquals("x".repeat(5000).length(), c.state().fields().get("worry").length(), "the field itself is kept whole");
    for (String t : c.texts()) assertTrue(t.length() <= 4096, "message of " + t.length() + " characters");
  }
}
