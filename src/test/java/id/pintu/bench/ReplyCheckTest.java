package id.pintu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The peer comparison is only fair if its reply checker really rejects a bot that says
 * something else, drops a button or lays the buttons out differently; and if the scripted
 * conversations both bots walk are complete.
 */
class ReplyCheckTest {
  private final ObjectMapper json = new ObjectMapper();
  private final ReplyCheck check = new ReplyCheck(json);

  private static final ReplyCheck.Expected CONSENT = new ReplyCheck.Expected(
      "Apakah Anda setuju data Anda disimpan dengan cara ini?",
      List.of(List.of("Ya, saya setuju", "n:consent:yes"), List.of("Tidak setuju", "n:consent:no")));

  private static final String CONSENT_MARKUP = "{\"inline_keyboard\":[[{\"text\":\"Ya, saya setuju\",\"callback_data\":\"n:consent:yes\"}],"
      + "[{\"text\":\"Tidak setuju\",\"callback_data\":\"n:consent:no\"}]]}";

  @Test
  void acceptsTheExactReply() {
    assertNull(check.mismatch(CONSENT, CONSENT.text(), CONSENT_MARKUP));
  }

  @Test
  void rejectsOtherWording() {
    String bad = check.mismatch(CONSENT, "Apakah Anda setuju?", CONSENT_MARKUP);
    assertNotNull(bad);
    assertTrue(bad.startsWith("text differs at char 18"), bad);
  }

  @Test
  void rejectsAMissingButtonOrOtherCallbackData() {
    String oneButton = "{\"inline_keyboard\":[[{\"text\":\"Ya, saya setuju\",\"callback_data\":\"n:consent:yes\"}]]}";
    assertNotNull(check.mismatch(CONSENT, CONSENT.text(), oneButton));
    assertNotNull(check.mismatch(CONSENT, CONSENT.text(), CONSENT_MARKUP.replace("n:consent:no", "consent_no")));
    assertNotNull(check.mismatch(CONSENT, CONSENT.text(), null));
  }

  @Test
  void rejectsTwoButtonsInOneRow() {
    String oneRow = "{\"inline_keyboard\":[[{\"text\":\"Ya, saya setuju\",\"callback_data\":\"n:consent:yes\"},"
        + "{\"text\":\"Tidak setuju\",\"callback_data\":\"n:consent:no\"}]]}";
    assertNotNull(check.mismatch(CONSENT, CONSENT.text(), oneRow));
  }

  @Test
  void rejectsButtonsOnAMessageThatHasNone() {
    ReplyCheck.Expected hello = new ReplyCheck.Expected("Halo, selamat datang.", List.of());
    assertNull(check.mismatch(hello, "Halo, selamat datang.", null));
    assertNotNull(check.mismatch(hello, "Halo, selamat datang.", CONSENT_MARKUP));
  }

  @Test
  void theScriptedConversationsHaveAnExpectedReplyForEveryStep() throws Exception {
    ScriptedConversations s = ScriptedConversations.read(json, Path.of("bench/peer/first-contact-check.json"));
    assertTrue(s.complete(), "every step has its expected replies");
    assertEquals(List.of("full", "violence-referred", "crisis", "declined"),
        s.conversations().stream().map(ScriptedConversations.Conversation::name).toList());
    // The crisis conversation ends on the crisis script's handoff, reached from the story, and
    // the honest words for a service without a staff chat (no reply is promised).
    ScriptedConversations.Step last = s.conversations().get(2).steps().get(s.conversations().get(2).steps().size() - 1);
    List<ReplyCheck.Expected> told = last.expect();
    assertTrue(told.get(told.size() - 2).text().startsWith("Anda tidak sendirian. Kasus Anda kami dahulukan"), told.toString());
    assertTrue(told.get(told.size() - 1).text().contains("nomor-nomor bantuan di atas adalah bantuan tercepat"), told.toString());
    assertTrue(told.stream().noneMatch(e -> e.text().contains("segera membalas")), told.toString());
  }
}
