package id.pintu.privacy;

import id.pintu.dialog.Effect;
import id.pintu.dialog.Node;
import id.pintu.dialog.Script;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import id.pintu.safety.RiskLevel;
import id.pintu.store.Database;
import id.pintu.store.PrivacyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * Keeps the consent record and decides, per step, what of the family's input may be stored.
 * Runs where the engine's effects are applied (the engine itself stays pure): the question
 * shown, the answer, a crisis before consent (vital interest), a withdrawal. Without a basis
 * the family's message text, intake values, story and the phrases that raised a flag are not
 * stored; the message's kind and time are.
 */
public final class ConsentGate {
  /** The intake field the first-contact script captures the consent answer in. */
  public static final String FIELD = "consent";

  private final PrivacyStore store;

  public ConsentGate(Database db) {
    this.store = new PrivacyStore(db);
  }

  /**
   * Records what this step did to the consent record and returns the case's basis after it.
   *
   * @param fresh the case was opened in this step (it has no record yet)
   */
  public Basis step(Connection c, long chatId, long caseId, boolean fresh, ScriptBook scripts, SessionState before,
                    Step step, Instant now) throws SQLException {
    Basis basis = fresh ? null : Basis.parse(store.basis(c, caseId));
    SessionState after = step.state();
    boolean sent = false;
    for (Effect e : step.effects()) {
      if (e instanceof Effect.Send) {
        sent = true;
      } else if (e instanceof Effect.Capture cap && FIELD.equals(cap.field())) {
        boolean yes = "yes".equalsIgnoreCase(cap.value());
        String sid = before == null ? after.scriptId() : before.scriptId();
        String node = before == null ? null : before.nodeId();
        store.consentEvent(c, chatId, caseId, "answered", yes ? Basis.CONSENT.wire() : null, sid, version(scripts, sid),
            after.lang(), node, yes ? "yes" : "no", now);
        if (yes) basis = Basis.CONSENT;
      } else if (e instanceof Effect.Flag f && f.level() == RiskLevel.URGENT && basis != Basis.CONSENT && basis != Basis.VITAL_INTEREST) {
        store.consentEvent(c, chatId, caseId, "crisis", Basis.VITAL_INTEREST.wire(), after.scriptId(), version(scripts, after.scriptId()),
            after.lang(), after.nodeId(), null, now);
        basis = Basis.VITAL_INTEREST;
      } else if (e instanceof Effect.End end && end.reason().startsWith("family")) {
        store.consentEvent(c, chatId, caseId, "withdrawn", Basis.WITHDRAWN.wire(), null, null, after.lang(), null, null, now);
        basis = Basis.WITHDRAWN;
      }
    }
    if (sent && asksConsent(scripts, after)) {
      store.consentEvent(c, chatId, caseId, "shown", null, after.scriptId(), version(scripts, after.scriptId()), after.lang(),
          after.nodeId(), null, now);
    }
    return basis;
  }

  /** The family's update itself goes too when nothing of it may be kept (its payload holds their text). */
  public void forgetUpdate(Connection c, long updateId) throws SQLException {
    store.forgetUpdate(c, updateId);
  }

  /**
   * The state as it may be stored without a basis: no intake value but the consent answer
   * itself, no story, no phrases that raised a flag (the flags themselves stay, so a concern
   * keeps its priority).
   */
  public static SessionState withoutPersonalData(SessionState s) {
    String answer = s.fields().get(FIELD);
    Map<String, String> fields = answer == null ? Map.of() : Map.of(FIELD, answer);
    // The screen's memory and the direct questions asked are codes, not the family's words, and
    // the safety net needs them like the flags: kept.
    return new SessionState(s.scriptId(), s.nodeId(), s.lang(), s.status(), s.priority(), s.pending(), fields, s.flags(),
        java.util.List.of(), java.util.List.of(), s.techniques(), s.misses(), s.listened(), s.risk(), s.asked());
  }

  private static boolean asksConsent(ScriptBook scripts, SessionState s) {
    Script script = scripts.script(s.scriptId());
    Node n = script == null || s.nodeId() == null ? null : script.node(s.nodeId());
    return n instanceof Node.Ask a && FIELD.equals(a.capture());
  }

  private static Integer version(ScriptBook scripts, String scriptId) {
    Script s = scriptId == null ? null : scripts.script(scriptId);
    return s == null ? null : s.version();
  }
}
