package id.pintu.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.dialog.ConversationStatus;
import id.pintu.dialog.Effect;
import id.pintu.dialog.Engine;
import id.pintu.dialog.Input;
import id.pintu.dialog.Node;
import id.pintu.dialog.ScriptBook;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Step;
import id.pintu.dialog.Text;
import id.pintu.privacy.Basis;
import id.pintu.privacy.CaseCommands;
import id.pintu.privacy.ConsentGate;
import id.pintu.privacy.Erasure;
import id.pintu.privacy.PrivacyTexts;
import id.pintu.safety.RiskLevel;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import id.pintu.store.SessionStore;
import id.pintu.store.TranscriptStore;
import id.pintu.telegram.CourtesyCalls;
import id.pintu.telegram.Incoming;
import id.pintu.telegram.OutboundMessage;
import id.pintu.telegram.ReplyComposer;
import id.pintu.telegram.UpdateReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Processes one stored update of a family chat: runs the engine and commits everything it
 * caused (session state, case, transcript both ways, outbox rows, the inbox mark) in one
 * transaction. A crash before the commit leaves the update pending, to be processed again
 * from the same state; after the commit it is never processed twice.
 */
public final class ConversationProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(ConversationProcessor.class);

  static final Text SLOW_DOWN = Text.of(
      "Pelan-pelan saja, tidak apa-apa. Saya membaca semua pesan Anda, satu per satu, dan semuanya tersimpan.",
      "Take your time, it's alright. I'm reading all of your messages, one by one, and they are all kept.");
  /**
   * While a chat floods, its re-prompt waits this long before it may leave: the next message of
   * the burst supersedes it, so a burst at a question gets one answer, after the burst.
   */
  static final java.time.Duration FLOOD_REPROMPT_HOLD = java.time.Duration.ofSeconds(2);

  private final Database db;
  private final InboxStore inbox;
  private final SessionStore sessions;
  private final CaseStore cases;
  private final TranscriptStore transcript;
  private final OutboxStore outbox;
  private final Engine engine;
  private final ScriptBooks books;
  private final ReplyComposer composer;
  private final FloodGuard flood;
  private final Clock clock;
  private final Runnable outboxChanged;
  private final SessionCodec codec = new SessionCodec();
  private final PendingReprompts reprompts = new PendingReprompts();
  private final ConsentGate consent;
  private final Erasure erasure;
  private final CaseCommands caseHistory;
  private final Cache<Long, SessionStore.Row> hot;
  private final Cache<Long, Map<String, Integer>> hotPins;
  private volatile StepObserver observer = StepObserver.NONE;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private volatile DeskHooks desk;
  private volatile CrisisHooks crisis;
  private volatile CourtesyCalls courtesy;

  public ConversationProcessor(Database db, Engine engine, Supplier<ScriptBook> book, ReplyComposer composer,
                               FloodGuard flood, Clock clock, int cacheSize, Runnable outboxChanged) {
    this(db, engine, (c, pins) -> book.get(), composer, flood, clock, cacheSize, outboxChanged);
  }

  /** With published script versions: each conversation runs on the versions it is pinned to. */
  public ConversationProcessor(Database db, Engine engine, ScriptBooks books, ReplyComposer composer,
                               FloodGuard flood, Clock clock, int cacheSize, Runnable outboxChanged) {
    this.db = db;
    this.inbox = new InboxStore(db);
    this.sessions = new SessionStore(db);
    this.cases = new CaseStore(db);
    this.transcript = new TranscriptStore(db);
    this.outbox = new OutboxStore(db);
    this.consent = new ConsentGate(db);
    this.erasure = new Erasure(db);
    this.caseHistory = new CaseCommands(db);
    this.engine = engine;
    this.books = books;
    this.composer = composer;
    this.flood = flood;
    this.clock = clock;
    this.outboxChanged = outboxChanged;
    // Upkeep on the lane: a hand-off to the common pool after writes cost more than the upkeep.
    this.hot = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
    this.hotPins = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).build();
  }

  /** Connects the counselors' desk (staff chat updates, handoffs, relay); null leaves it out. */
  public void desk(DeskHooks hooks) {
    this.desk = hooks;
  }

  /** Who hears of every crisis, whether or not there is a desk (logging, on-call pings, what the family is told). */
  public void crisisWith(CrisisHooks hooks) {
    this.crisis = hooks;
  }

  /**
   * Sends the family chats' answers to button presses (stopping the spinner) from memory after
   * the commit; null (tools, tests of the store alone) stores them in the outbox like any reply.
   * The removal of an answered question's buttons is always stored.
   */
  public void courtesyVia(CourtesyCalls calls) {
    this.courtesy = calls;
  }

  /** What became of an update. */
  public enum Outcome { PROCESSED, ALREADY_DONE, REJECTED }

  /**
   * Processes one inbox row. Throws {@link SQLException} when the store fails (the caller
   * retries: nothing was committed); any other exception is a bug or a poisoned update.
   */
  public Outcome process(InboxStore.Row row) throws SQLException {
    return process(row, null);
  }

  /** As {@link #process(InboxStore.Row)}, with the update as the transport already read it (or null). */
  public Outcome process(InboxStore.Row row, Update read) throws SQLException {
    Update u = read;
    if (u == null) {
      try {
        u = json.readValue(row.payload(), Update.class);
      } catch (Exception e) {
        return reject(row, "unreadable update");
      }
    }
    Incoming in = UpdateReader.read(u);
    if (in == null) return reject(row, "update type not handled");
    DeskHooks d = desk;
    if (!in.privateChat() && d != null && d.isStaffChat(in.chatId())) {
      if (!d.staffUpdate(row, in)) return Outcome.ALREADY_DONE;
      outboxChanged.run();
      return Outcome.PROCESSED;
    }
    if (!in.privateChat()) return reject(row, "not a private chat");
    Instant now = clock.instant();
    FloodGuard.Pace pace = flood.count(in.chatId(), in.writtenAt(), now);
    Applied[] done = new Applied[1];
    CourtesyCalls courtesyNow = courtesy;
    Replies replies = new Replies(courtesyNow);
    Writes[] writes = new Writes[1];
    SessionStore.Row saved = db.inTransaction(c -> {
      replies.courtesy().clear(); // a transaction tried again starts over
      writes[0] = new Writes(reprompts.of(in.chatId()));
      return apply(c, row, in, pace, now, done, replies, writes[0]);
    });
    if (saved == null) return Outcome.ALREADY_DONE;
    if (writes[0].wrote) reprompts.written(in.chatId(), writes[0].reprompt);
    if (!replies.courtesy().isEmpty()) courtesyNow.send(in.chatId(), replies.courtesy());
    if (done[0] != null && done[0].erased()) {
      evict(in.chatId());
      reprompts.forget(in.chatId());
    } else {
      hot.put(in.chatId(), saved);
      if (done[0] != null) hotPins.put(in.chatId(), done[0].pins()); // null: the desk took it (rating, comment)
    }
    outboxChanged.run();
    if (done[0] != null) observe(in.chatId(), done[0]);
    return Outcome.PROCESSED;
  }

  /** What a committed step was, for the pins cache and the observer. */
  private record Applied(SessionState before, Step step, Map<String, Integer> pins, boolean erased) {
    Applied(SessionState before, Step step, Map<String, Integer> pins) {
      this(before, step, pins, false);
    }
  }

  /**
   * The family replies one step writes: the chat's earlier re-prompt rows are dropped once, at
   * its first reply (a newer reply supersedes them), and its own re-prompt rows are collected.
   */
  private static final class Writes {
    final List<Long> superseded;
    final List<Long> reprompt = new java.util.ArrayList<>(2);
    boolean wrote;

    Writes(List<Long> superseded) {
      this.superseded = superseded;
    }
  }

  /** Where this update's courtesy calls go: collected for after the commit, or stored when no one sends them from memory. */
  private record Replies(CourtesyCalls sink, List<OutboundMessage> courtesy) {
    Replies(CourtesyCalls sink) {
      this(sink, new java.util.ArrayList<>(2));
    }
  }

  private SessionStore.Row apply(Connection c, InboxStore.Row row, Incoming in, FloodGuard.Pace pace, Instant now,
                                 Applied[] done, Replies replies, Writes writes) throws SQLException {
    // Marked done first, in the same transaction: it commits with the effects or not at all.
    if (!inbox.claimPending(c, row.updateId(), now)) return null;
    long chatId = in.chatId();
    SessionStore.Row stored = loadSession(c, chatId);
    SessionState before = stored == null ? null : codec.read(stored.state());
    DeskHooks d = desk;
    CrisisHooks alarm = crisis;
    boolean wasHandedOff = d != null && before != null && before.status() == ConversationStatus.HANDED_OFF && stored.caseId() != null;
    if (wasHandedOff && in.callbackQueryId() != null && d.familyButton(c, chatId, stored.caseId(), in, now)) {
      add(c, chatId, stored.caseId(), composer.answerButton(in.callbackQueryId()), now, replies);
      if (in.messageId() != null) add(c, chatId, stored.caseId(), composer.removeButtons(chatId, in.messageId()), now, replies);
      inbox.markDone(c, row.updateId(), now);
      return stored;
    }
    if (wasHandedOff && d.closed(c, stored.caseId()) && d.afterClose(c, chatId, stored.caseId(), in, before.riskMemory(), now)) {
      transcript.add(c, chatId, stored.caseId(), TranscriptStore.IN, in.kind(), in.text(), in.fileId(), row.updateId(), null, now);
      inbox.markDone(c, row.updateId(), now);
      return stored; // the comment asked for after the rating
    }
    if (wasHandedOff && d.closed(c, stored.caseId())) {
      before = before.withStatus(ConversationStatus.ENDED); // the counselor closed the case: a new first contact
      wasHandedOff = false;
    }
    boolean continuing = before != null && before.status() != ConversationStatus.ENDED;
    Map<String, Integer> pins = continuing ? loadPins(c, chatId) : Map.of();
    ScriptBook scripts = books.book(c, pins);
    // A family that had blocked the bot missed our last messages: pick up where they are
    // instead of reading their first message back as an answer to a question they never saw.
    Input input = stored != null && stored.unreachable() && before != null && before.status() == ConversationStatus.ACTIVE
        ? new Input.Start(in.languageHint()) : in.input();
    Step step = engine.step(scripts, before, input);
    SessionState after = step.state();
    Erasure.Held held = null;
    if (step.effects().stream().anyMatch(e -> e instanceof Effect.Erase)) {
      Erasure.Result r = erasure.erase(c, chatId, now);
      if (r instanceof Erasure.Erased erased) return erased(c, in, before, step, erased, now, done, replies);
      held = (Erasure.Held) r;
    }

    boolean fresh = before == null || (before.status() == ConversationStatus.ENDED && after.status() != ConversationStatus.ENDED);
    Long caseId = stored == null ? null : stored.caseId();
    Instant startedAt = stored == null ? now : stored.startedAt();
    if (fresh) {
      caseId = cases.open(c, chatId, after.lang(), after.scriptId(), caseId, now);
      startedAt = now;
    }
    // Without a basis (consent, or vital interest in a crisis) nothing the family wrote is kept.
    boolean keep = Basis.keeps(consent.step(c, chatId, caseId, fresh, scripts, before, step, now));
    transcript.add(c, chatId, caseId, TranscriptStore.IN, in.kind(), keep ? in.text() : null, keep ? in.fileId() : null,
        row.updateId(), null, now);
    if (!keep) consent.forgetUpdate(c, row.updateId());
    SessionState kept = keep ? after : ConsentGate.withoutPersonalData(after);

    boolean venting = pace != FloodGuard.Pace.CALM && before != null && after.nodeId() != null
        && after.nodeId().equals(before.nodeId()) && isListen(scripts, after);
    boolean reprompt = !wasHandedOff && isReprompt(before, step);
    if (pace == FloodGuard.Pace.FLOODING_NOTICE) {
      write(c, chatId, caseId, new Effect.Send(SLOW_DOWN.in(after.lang())), now, now, writes, false);
    }
    // A re-prompt written in a flood waits a little: the burst's next message supersedes it.
    Instant repromptAt = pace == FloodGuard.Pace.CALM ? now : now.plus(FLOOD_REPROMPT_HOLD);
    boolean learned = fresh;
    boolean handedOff = false;
    for (Effect e : step.effects()) {
      if (e instanceof Effect.Send s) {
        // while venting fast, acknowledgements wait
        if (!venting) write(c, chatId, caseId, s, now, reprompt ? repromptAt : now, writes, reprompt);
      } else if (e instanceof Effect.Handoff h) {
        cases.handOff(c, caseId, h.queue(), h.priority().wire(), h.reason(), now);
        learned = true;
        handedOff = true;
      } else if (e instanceof Effect.End end) {
        cases.close(c, caseId, end.reason().startsWith("family") ? "client_ended" : "script_ended", now);
      } else if (e instanceof Effect.Erase) {
        write(c, chatId, caseId, new Effect.Send(PrivacyTexts.HELD.in(after.lang())), now, now, writes, false);
        if (d != null) d.privacyNotice(c, held.caseId(), Erasure.topicNotice(held, held.caseId()), now);
      } else {
        if (e instanceof Effect.Flag f && f.level() == RiskLevel.URGENT) {
          caseHistory.crisisFlagged(c, caseId, f.categories(), now);
          if (alarm != null) alarm.flagged(c, chatId, caseId, f, now);
        }
        learned = true; // capture, story, flag
        if (d != null && e instanceof Effect.Capture cap) d.captured(c, caseId, cap, now);
        if (d != null && e instanceof Effect.Flag f) d.flagged(c, caseId, f, now);
      }
    }
    if (learned) {
      cases.record(c, caseId, after.lang(), after.priority().wire(), keep ? codec.intake(kept) : null, keep ? codec.story(kept) : null,
          codec.flags(kept));
    }
    if (d != null && handedOff) d.waiting(c, chatId, caseId, now);
    // Told once the crisis script is done asking (its last words are the handoff's), not in
    // the middle of its safety question.
    if (alarm != null && handedOff && after.status() == ConversationStatus.HANDED_OFF && after.priority() == id.pintu.dialog.Priority.URGENT) {
      alarm.handedOffUrgent(c, chatId, caseId, after.lang(), now);
    }
    if (wasHandedOff && after.status() == ConversationStatus.HANDED_OFF) d.familyWrote(c, chatId, caseId, in, now);
    if (in.callbackQueryId() != null) {
      add(c, chatId, caseId, composer.answerButton(in.callbackQueryId()), now, replies);
      if (in.messageId() != null && acceptedPress(before, after)) add(c, chatId, caseId, composer.removeButtons(chatId, in.messageId()), now, replies);
    }
    SessionStore.Row next = new SessionStore.Row(chatId, codec.write(kept), after.status().wire(), caseId, startedAt, now, false, false);
    sessions.save(c, next, now);
    Map<String, Integer> nextPins = pinned(fresh ? Map.of() : pins, scripts, after);
    if (stored == null || !nextPins.equals(pins)) sessions.savePins(c, chatId, str(nextPins));
    done[0] = new Applied(before, step, nextPins);
    return next;
  }

  /**
   * The family's data was erased in this transaction (session included): they are told, the
   * counselors holding their cases are told, and nothing else of the chat is written.
   */
  private SessionStore.Row erased(Connection c, Incoming in, SessionState before, Step step, Erasure.Erased erased, Instant now,
                                  Applied[] done, Replies replies) throws SQLException {
    long chatId = in.chatId();
    DeskHooks d = desk;
    if (d != null) for (long id : erased.caseIds()) d.privacyNotice(c, id, Erasure.topicNotice(erased, id), now);
    add(c, chatId, null, composer.send(chatId, new Effect.Send(PrivacyTexts.ERASED.in(step.state().lang()))), now, replies);
    if (in.callbackQueryId() != null) {
      add(c, chatId, null, composer.answerButton(in.callbackQueryId()), now, replies);
      if (in.messageId() != null) add(c, chatId, null, composer.removeButtons(chatId, in.messageId()), now, replies);
    }
    done[0] = new Applied(before, step, Map.of(), true);
    return new SessionStore.Row(chatId, "", ConversationStatus.ENDED.wire(), null, now, now, false, false);
  }

  /** A press that moved the conversation on: the question's buttons have done their job. */
  private static boolean acceptedPress(SessionState before, SessionState after) {
    return before != null && (!java.util.Objects.equals(before.nodeId(), after.nodeId()) || before.status() != after.status());
  }

  /**
   * A step that only said something again where the family already was: same script, node and
   * status, no capture, story, flag, handoff or end, and nothing to do with a crisis (crisis help
   * is never superseded). A newer reply of the chat makes it pointless.
   */
  static boolean isReprompt(SessionState before, Step step) {
    SessionState after = step.state();
    if (before == null || before.status() != ConversationStatus.ACTIVE || after.status() != ConversationStatus.ACTIVE) return false;
    if (!java.util.Objects.equals(before.scriptId(), after.scriptId()) || !java.util.Objects.equals(before.nodeId(), after.nodeId())) {
      return false;
    }
    if (before.inCrisis() || after.inCrisis() || after.priority() == id.pintu.dialog.Priority.URGENT) return false;
    return !step.effects().isEmpty() && step.effects().stream().allMatch(e -> e instanceof Effect.Send);
  }

  private static boolean isListen(ScriptBook scripts, SessionState s) {
    var script = scripts.script(s.scriptId());
    Node n = script == null ? null : script.node(s.nodeId());
    return n instanceof Node.Listen;
  }

  void enqueue(Connection c, long chatId, Long caseId, Effect.Send s, Instant now) throws SQLException {
    enqueue(c, chatId, caseId, s, now, now);
  }

  private long enqueue(Connection c, long chatId, Long caseId, Effect.Send s, Instant now, Instant notBefore) throws SQLException {
    OutboundMessage m = composer.send(chatId, s);
    long id = outbox.add(c, chatId, caseId, m.method(), m.payload(), false, now, notBefore);
    transcript.add(c, chatId, caseId, TranscriptStore.OUT, "text", s.text(), null, null, id, now);
    return id;
  }

  /** A reply of the family's step: the first one drops the chat's superseded re-prompt (in the same transaction). */
  private void write(Connection c, long chatId, Long caseId, Effect.Send s, Instant now, Instant notBefore, Writes writes,
                     boolean reprompt) throws SQLException {
    if (!writes.wrote) {
      writes.wrote = true;
      int dropped = writes.superseded.isEmpty() ? 0 : outbox.dropPending(c, chatId, writes.superseded);
      if (dropped > 0) LOG.debug("chat {}: {} superseded re-prompt rows dropped", chatId, dropped);
    }
    long id = enqueue(c, chatId, caseId, s, now, notBefore);
    if (reprompt) writes.reprompt.add(id);
  }

  /**
   * A courtesy call of the step. The answer to a button press goes to memory ({@link #courtesyVia}):
   * Telegram takes it for a short time only, so a store would keep it past its use. The removal
   * of an answered question's buttons is stored like a reply (optional: a refusal is let go), so
   * an outage or a crash cannot leave the old buttons to be pressed again; it comes after the
   * step's replies, so the next question never waits for it.
   */
  private void add(Connection c, long chatId, Long caseId, OutboundMessage m, Instant now, Replies replies) throws SQLException {
    if (m.optional() && replies.sink() != null && ReplyComposer.ANSWER_BUTTON.equalsIgnoreCase(m.method())) replies.courtesy().add(m);
    else outbox.add(c, chatId, caseId, m.method(), m.payload(), m.optional(), now);
  }

  /**
   * Pins: a conversation keeps the script versions it started with until it ends. The script
   * it is in now is pinned to the version it ran on, if it was not pinned yet (a fresh start,
   * or a goto into a script it had not entered before).
   */
  static Map<String, Integer> pinned(Map<String, Integer> pins, ScriptBook scripts, SessionState after) {
    var script = scripts.script(after.scriptId());
    if (script == null || pins.containsKey(script.id())) return pins;
    Map<String, Integer> next = new LinkedHashMap<>(pins);
    next.put(script.id(), script.version());
    return Map.copyOf(next);
  }

  private Map<String, Integer> loadPins(Connection c, long chatId) throws SQLException {
    // Shared store: another node may have moved this chat on since we cached it; the chat's
    // turn (ChatTurns) is held, so the stored row is the truth.
    Map<String, Integer> cached = db.shared() ? null : hotPins.getIfPresent(chatId);
    if (cached != null) return cached;
    String stored = sessions.pins(c, chatId);
    if (stored == null || stored.isBlank()) return Map.of();
    try {
      Map<String, Integer> m = json.readValue(stored, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() {});
      return Map.copyOf(m);
    } catch (Exception e) {
      LOG.warn("chat {}: stored script pins unreadable, using the newest scripts", chatId);
      return Map.of();
    }
  }

  private String str(Map<String, Integer> pins) {
    try {
      return json.writeValueAsString(new java.util.TreeMap<>(pins));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void observe(long chatId, Applied a) {
    try {
      observer.stepped(chatId, a.before(), a.step());
    } catch (RuntimeException e) {
      LOG.warn("step observer failed: {}", e.toString());
    }
  }

  /** Who is told about committed steps (metrics). */
  public void observeWith(StepObserver o) {
    observer = o == null ? StepObserver.NONE : o;
  }

  /** Tells the observer that an idle conversation was closed at {@code state}. */
  public void closedIdle(long chatId, SessionState state) {
    try {
      observer.closedIdle(chatId, state);
    } catch (RuntimeException e) {
      LOG.warn("step observer failed: {}", e.toString());
    }
  }

  SessionStore.Row loadSession(Connection c, long chatId) throws SQLException {
    SessionStore.Row r = db.shared() ? null : hot.getIfPresent(chatId); // see loadPins
    return r != null ? r : sessions.find(c, chatId).orElse(null);
  }

  /** Forgets a cached session, e.g. after another component changed it in the store. */
  public void evict(long chatId) {
    hot.invalidate(chatId);
    hotPins.invalidate(chatId);
  }

  public void remember(SessionStore.Row row) {
    hot.put(row.chatId(), row);
  }

  void outboxChanged() {
    outboxChanged.run();
  }

  public long cachedSessions() {
    return hot.estimatedSize();
  }

  private Outcome reject(InboxStore.Row row, String reason) throws SQLException {
    LOG.warn("update {} skipped: {}", row.updateId(), reason);
    inbox.markRejected(row.updateId(), reason, clock.instant());
    return Outcome.REJECTED;
  }

}
