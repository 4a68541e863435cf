package id.pintu.dialog;

import id.pintu.safety.RiskMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine knows about one conversation. Immutable and serialisable as JSON;
 * the conversation layer stores it after every step.
 *
 * @param scriptId the script running now
 * @param nodeId the node awaiting the family's input (an ask or listen node)
 * @param lang {@code id} or {@code en}
 * @param fields captured intake values by field name
 * @param flags e.g. {@code crisis}, {@code concern}, {@code consent_declined}
 * @param evidence the family's phrases that raised a flag, for the counselor
 * @param story ventilation messages, in order, in the family's own words
 * @param techniques techniques the bot has used, in first-use order
 * @param misses invalid answers in a row at the current node
 * @param listened messages received at the current listen node
 * @param risk the crisis screen's memory of the family's last few messages (signal codes,
 *     never their words; see {@link RiskMemory}); kept across a restart, never logged
 * @param asked the categories the bot asked the direct safety question for in this
 *     conversation, oldest first; while {@link Pending#ASK_DIRECTLY} is pending, the last one
 *     is the question awaiting an answer
 */
public record SessionState(
    String scriptId,
    String nodeId,
    String lang,
    ConversationStatus status,
    Priority priority,
    Pending pending,
    Map<String, String> fields,
    List<String> flags,
    List<String> evidence,
    List<String> story,
    List<String> techniques,
    int misses,
    int listened,
    List<String> risk,
    List<String> asked) {

  public static final String FLAG_CRISIS = "crisis";
  public static final String FLAG_CONCERN = "concern";

  public SessionState {
    fields = fields == null ? Map.of() : fields;
    flags = flags == null ? List.of() : flags;
    evidence = evidence == null ? List.of() : evidence;
    story = story == null ? List.of() : story;
    techniques = techniques == null ? List.of() : techniques;
    risk = risk == null ? List.of() : List.copyOf(risk); // states stored before it was kept have none
    asked = asked == null ? List.of() : List.copyOf(asked);
    priority = priority == null ? Priority.NORMAL : priority;
    pending = pending == null ? Pending.NONE : pending;
    status = status == null ? ConversationStatus.ACTIVE : status;
    lang = lang == null ? Text.DEFAULT_LANG : lang;
  }

  public static SessionState fresh(String scriptId, String lang) {
    return new SessionState(
        scriptId, null, lang, ConversationStatus.ACTIVE, Priority.NORMAL, Pending.NONE,
        Map.of(), List.of(), List.of(), List.of(), List.of(), 0, 0, List.of(), List.of());
  }

  /**
   * A fresh start of {@code script} after the conversation ended. The language stays, and so
   * do the flags, their evidence and the priority they raised: a family that signalled danger
   * must not meet small talk, nor drop in the counselors' queue, because they wrote again.
   * The screen's memory stays too (danger told in pieces may straddle the restart); the direct
   * questions asked belong to the conversation that ended.
   */
  public SessionState restarted(String script) {
    return new SessionState(
        script, null, lang, ConversationStatus.ACTIVE, flags.isEmpty() ? Priority.NORMAL : priority, Pending.NONE,
        Map.of(), flags, evidence, List.of(), List.of(), 0, 0, risk, List.of());
  }

  /** The crisis screen's memory, as the screen takes it. */
  public RiskMemory riskMemory() {
    return new RiskMemory(risk);
  }

  public SessionState withRisk(RiskMemory m) {
    List<String> r = m == null ? List.of() : m.recent();
    if (r.equals(risk)) return this;
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, story, techniques, misses, listened, r, asked);
  }

  /** True when the direct safety question was asked for {@code category} in this conversation. */
  public boolean wasAsked(String category) {
    return asked.contains(category);
  }

  /** The state with these categories asked, in this order (one already there moves to the end). */
  public SessionState withAsked(List<String> categories) {
    List<String> a = new ArrayList<>(asked);
    a.removeAll(categories);
    a.addAll(categories);
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, story, techniques, misses, listened, risk, List.copyOf(a));
  }

  /** The category of the direct question awaiting an answer, or null. */
  public String askingAbout() {
    return pending == Pending.ASK_DIRECTLY && !asked.isEmpty() ? asked.get(asked.size() - 1) : null;
  }

  public boolean inCrisis() {
    return flags.contains(FLAG_CRISIS);
  }

  public SessionState at(String script, String node) {
    return new SessionState(script, node, lang, status, priority, pending, fields, flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withLang(String l) {
    return new SessionState(scriptId, nodeId, l, status, priority, pending, fields, flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withStatus(ConversationStatus s) {
    return new SessionState(scriptId, nodeId, lang, s, priority, pending, fields, flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withPriority(Priority p) {
    return new SessionState(scriptId, nodeId, lang, status, p, pending, fields, flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withPending(Pending p) {
    return new SessionState(scriptId, nodeId, lang, status, priority, p, fields, flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withMisses(int m) {
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, story, techniques, m, listened, risk, asked);
  }

  public SessionState withListened(int n) {
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, story, techniques, misses, n, risk, asked);
  }

  public SessionState withField(String name, String value) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    f.put(name, value);
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, java.util.Collections.unmodifiableMap(f), flags, evidence, story, techniques, misses, listened, risk, asked);
  }

  public SessionState withFlag(String flag, List<String> phrases) {
    Set<String> fl = new LinkedHashSet<>(flags);
    fl.add(flag);
    Set<String> ev = new LinkedHashSet<>(evidence);
    ev.addAll(phrases);
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, List.copyOf(fl), List.copyOf(ev), story, techniques, misses, listened, risk, asked);
  }

  public SessionState withStoryPart(String part) {
    List<String> s = new ArrayList<>(story.size() + 1);
    s.addAll(story);
    s.add(part);
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, List.copyOf(s), techniques, misses, listened, risk, asked);
  }

  public SessionState withTechnique(Technique t) {
    String w = t.wire();
    if (techniques.contains(w)) return this;
    List<String> ts = new ArrayList<>(techniques);
    ts.add(w);
    return new SessionState(scriptId, nodeId, lang, status, priority, pending, fields, flags, evidence, story, List.copyOf(ts), misses, listened, risk, asked);
  }
}
