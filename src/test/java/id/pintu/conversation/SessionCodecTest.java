package id.pintu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.dialog.ConversationStatus;
import id.pintu.dialog.Pending;
import id.pintu.dialog.Priority;
import id.pintu.dialog.SessionState;
import id.pintu.safety.RiskMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session as the sessions table keeps it: the screen's memory and the direct questions survive; older rows still load. */
class SessionCodecTest {
  final SessionCodec codec = new SessionCodec();

  @Test
  void riskMemoryAndDirectQuestionsSurviveARoundTrip() {
    SessionState s = SessionState.fresh("first-contact", "id").at("first-contact", "writer")
        .withFlag(SessionState.FLAG_CONCERN, List.of("capek hidup")).withPriority(Priority.HIGH)
        .withRisk(RiskMemory.EMPTY.then("means").then("").then("time"))
        .withAsked(List.of("suicide_self_harm")).withPending(Pending.ASK_DIRECTLY);
    String json = codec.write(s);
    SessionState back = codec.read(json);
    assertEquals(s, back);
    assertEquals(List.of("means", "", "time"), back.riskMemory().recent());
    assertEquals("suicide_self_harm", back.askingAbout());
    assertTrue(json.contains("\"pending\":\"ask_directly\""), json);
    assertFalse(json.contains("riskMemory") || json.contains("askingAbout"), "only the record's own components are stored: " + json);
  }

  @Test
  void aStateStoredBeforeTheMemoryExistedStillLoads() {
    String old = """
        {"scriptId":"first-contact","nodeId":"name","lang":"id","status":"active","priority":"high","pending":"none",
         "fields":{"consent":"yes"},"flags":["concern"],"evidence":["capek hidup"],"story":[],"techniques":["intake"],
         "misses":0,"listened":0}""";
    SessionState s = codec.read(old);
    assertEquals("first-contact/name", s.scriptId() + "/" + s.nodeId());
    assertEquals(ConversationStatus.ACTIVE, s.status());
    assertEquals(List.of(), s.risk());
    assertEquals(RiskMemory.EMPTY, s.riskMemory());
    assertEquals(List.of(), s.asked());
    assertNull(s.askingAbout());
    assertEquals(s, codec.read(codec.write(s)));
  }

  @Test
  void theMemoryIsNotPartOfWhatTheCaseRecords() {
    SessionState s = SessionState.fresh("first-contact", "id").withRisk(RiskMemory.EMPTY.then("means"));
    assertFalse(codec.flags(s).contains("means"), codec.flags(s));
    assertFalse(codec.story(s).contains("means"));
  }
}
