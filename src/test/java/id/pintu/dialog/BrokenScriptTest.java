package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A script that leads nowhere never strands a family: it hands over to a person. */
class BrokenScriptTest {
  private static void handedOverKindly(Conversation c) {
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status(), c.transcript());
    assertTrue(c.said().contains("ada yang tidak beres di pihak kami"), c.said());
    assertTrue(c.effects(Effect.Handoff.class).get(0).reason().startsWith("script problem"), c.transcript());
  }

  @Test
  void missingNextNode() {
    ScriptBook b = Fixtures.with("""
        id: first-contact
        start: q
        nodes:
          - id: q
            kind: ask
            input: yesno
            text: {id: "Lanjut?", en: "Go on?"}
            next: nowhere
        """);
    handedOverKindly(Conversation.with(b).start().type("ya"));
  }

  @Test
  void missingStartNodeAndMissingScript() {
    handedOverKindly(Conversation.with(Fixtures.with("""
        id: first-contact
        start: missing
        nodes: []
        """)).start());
    handedOverKindly(Conversation.with(new ScriptBook(Map.of(), Map.of())).start());
  }

  @Test
  void gotoAMissingScript() {
    handedOverKindly(Conversation.with(Fixtures.with("""
        id: first-contact
        start: g
        nodes:
          - id: g
            kind: goto
            script: nothing-here
        """)).start());
  }

  @Test
  void aLoopWithoutQuestions() {
    handedOverKindly(Conversation.with(Fixtures.with("""
        id: first-contact
        start: a
        nodes:
          - {id: a, kind: branch, otherwise: b}
          - {id: b, kind: goto, script: first-contact, node: a}
        """)).start());
  }

  @Test
  void theScriptChangedUnderAWaitingFamily() {
    Conversation c = Walks.to("first-contact/age");
    c.resume(c.state().at("first-contact", "removed_node"));
    handedOverKindly(c.type("34"));
  }

  @Test
  void noCrisisScriptStillGivesHelpAndAnUrgentHandoff() {
    Map<String, Script> scripts = new java.util.HashMap<>(Fixtures.book().scripts());
    scripts.remove("crisis");
    Conversation c = Conversation.with(new ScriptBook(scripts, Fixtures.book().shared())).start().type("ingin mati");
    assertEquals(ConversationStatus.HANDED_OFF, c.state().status());
    assertEquals(Priority.URGENT, c.effects(Effect.Handoff.class).get(0).priority());
    assertTrue(c.said().contains(Fixtures.helpContacts("id")));
  }

  @Test
  void anInvalidPatternDoesNotBreakTheConversation() {
    Conversation c = Conversation.with(Fixtures.with("""
        id: first-contact
        start: q
        nodes:
          - id: q
            kind: ask
            input: text
            capture: x
            pattern: "([0-9"
            text: {id: "Kode?", en: "Code?"}
            next: bye
          - {id: bye, kind: end, text: {id: "Terima kasih.", en: "Thank you."}}
        """)).start().type("123");
    assertTrue(List.of(ConversationStatus.HANDED_OFF, ConversationStatus.ENDED).contains(c.state().status()), c.transcript());
    assertTrue(!c.texts().isEmpty());
  }
}
