package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FixtureSmokeTest {
  @Test
  void fixturesReadWithoutProblems() {
    ScriptBook b = Fixtures.book();
    assertTrue(b.scripts().keySet().containsAll(java.util.List.of("first-contact", "crisis", "info")), b.scripts().keySet().toString());
    assertTrue(Fixtures.helpContacts("id").contains("SAPA 129"));
    Conversation c = Conversation.withFixtures().start();
    assertEquals("first-contact/how_are_you", c.node(), c.transcript());
  }
}
