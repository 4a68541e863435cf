package id.pintu.desk;

import id.pintu.config.PintuConfig;
import id.pintu.conversation.DeskHooks;
import id.pintu.desk.StaffDirectory.Member;
import id.pintu.dialog.Effect;
import id.pintu.dialog.Input;
import id.pintu.privacy.CaseCommands;
import id.pintu.dialog.OfficeHours;
import id.pintu.dialog.ServiceTexts;
import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.RiskMemory;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import id.pintu.store.InboxStore;
import id.pintu.store.OutboxStore;
import id.pintu.store.PrivacyStore;
import id.pintu.store.TranscriptStore;
import id.pintu.telegram.Incoming;
import id.pintu.telegram.ReplyComposer;
import id.pintu.telegram.Sender;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counselors' desk: a forum supergroup where each handed-off case has a topic. Staff
 * chat updates run in the staff chat's own lane (one at a time, in order), each in one
 * transaction with the outbox rows it causes; the database decides claims.
 */
public final class Desk implements DeskHooks {
  private static final Logger LOG = LoggerFactory.getLogger(Desk.class);
  static final String NOT_STAFF = "Maaf, hanya staf layanan yang terdaftar yang dapat memakai tombol dan perintah di grup ini. "
      + "Hubungi admin bila Anda seharusnya terdaftar.";

  private final long staffChat;
  private final Database db;
  private final Clock clock;
  private final InboxStore inbox;
  private final DeskStore store;
  private final StaffDirectory staff;
  private final DeskOutbox out;
  private final CaseTopics topics;
  private final ClaimDesk claims;
  private final DeskCommands commands;
  private final Relay relay;
  private final PendingMoments moments = new PendingMoments();
  private final PrivacyStore privacy;
  private final WaitingRoom room;
  private final AfterHours afterHours;
  private final ClaimReminders reminders;
  private final CrisisScreen screen;

  /** How long after the rating a message is still taken as the comment asked for. */
  static final Duration COMMENT_WINDOW = Duration.ofHours(2);

  /**
   * @param service the current service texts (referral directory, office hours), re-read when an admin edits them
   * @param screen the crisis screen: a message showing danger is never swallowed as a rating comment
   */
  public Desk(PintuConfig.Desk cfg, Database db, ReplyComposer composer, StaffDirectory staff, Supplier<ServiceTexts> service,
              CrisisScreen screen, Clock clock) {
    this.staffChat = cfg.staffChatId();
    this.db = db;
    this.clock = clock;
    this.inbox = new InboxStore(db);
    this.store = new DeskStore(db);
    this.staff = staff;
    TranscriptStore transcript = new TranscriptStore(db);
    this.out = new DeskOutbox(new OutboxStore(db), transcript, composer, staffChat);
    Supplier<OfficeHours> hours = () -> service.get().officeHours();
    this.topics = new CaseTopics(store, out, new HandoverCard(() -> hours.get().zone()));
    this.room = new WaitingRoom(store, out, hours, Duration.ofMinutes(cfg.waitingUpdateMinutes()));
    this.claims = new ClaimDesk(store, out, staff, moments, room);
    this.commands = new DeskCommands(store, out, claims, () -> service.get().referrals(), room, new CaseCommands(db));
    this.relay = new Relay(store, out, transcript, moments);
    this.privacy = new PrivacyStore(db);
    this.afterHours = new AfterHours(store, out, hours);
    this.reminders = new ClaimReminders(db, store, out, staff, room, Duration.ofMinutes(cfg.claimMinutes()),
        Duration.ofMinutes(cfg.urgentClaimMinutes()), hours);
    this.screen = screen;
  }

  /** The periodic job: unclaimed cases announced again, the waiting room kept up to date. */
  public ClaimReminders reminders() {
    return reminders;
  }

  /** What the sender must do for the desk: fill in topic thread ids, record created topics. */
  public Sender.Hooks senderHooks() {
    return topics;
  }

  /** Who hears (after commit) how long cases waited for a claim and for a counselor's first words. */
  public void observeWith(DeskMoments observer) {
    moments.observeWith(observer);
  }

  public StaffDirectory staff() {
    return staff;
  }

  @Override
  public boolean isStaffChat(long chatId) {
    return chatId == staffChat;
  }

  @Override
  public boolean staffUpdate(InboxStore.Row row, Incoming in) throws SQLException {
    Instant now = clock.instant();
    boolean done = false;
    try {
      done = db.inTransaction(c -> {
        moments.begin();
        if (!inbox.lockPending(c, row.updateId())) return false;
        handle(c, in, now);
        inbox.markDone(c, row.updateId(), now);
        // Staff messages in a topic speak of the family; what must stay is in notes and the transcript.
        privacy.forgetUpdate(c, row.updateId());
        return true;
      });
      return done;
    } finally {
      if (done) moments.committed();
      else moments.discard();
    }
  }

  private void handle(Connection c, Incoming in, Instant now) throws SQLException {
    boolean button = in.callbackQueryId() != null;
    boolean command = in.input() instanceof Input.Command;
    if (!button && "other".equals(in.kind())) return; // service messages (topic created, member joined, ...)
    Member m = staff.find(in.fromUserId()).orElse(null);
    if (m == null) {
      stranger(c, in, button, command, now);
      return;
    }
    if (button) {
      out.answer(c, in.callbackQueryId(), pressed(c, m, in.text(), now), now);
      return;
    }
    DeskCase k = in.threadId() == null ? null : store.byTopic(c, in.threadId()).orElse(null);
    if (command) {
      Input.Command cmd = (Input.Command) in.input();
      String reply = commands.run(c, m, k, cmd.name(), cmd.argument(), now);
      if (reply != null) out.toStaff(c, in.threadId(), reply, now);
      return;
    }
    if (k != null) relay.fromCounselor(c, m, k, in, now);
  }

  private String pressed(Connection c, Member m, String data, Instant now) throws SQLException {
    String[] p = data == null ? new String[0] : data.split(":");
    if (p.length != 3 || !p[0].equals("d")) return "Tombol ini tidak dikenal.";
    long caseId;
    try {
      caseId = Long.parseLong(p[2]);
    } catch (NumberFormatException e) {
      return "Tombol ini tidak dikenal.";
    }
    DeskCase k = store.find(c, caseId).orElse(null);
    if (k == null) return "Kasus tidak ditemukan.";
    if (CaseStore.CLOSED.equals(k.status())) return "Kasus #" + caseId + " sudah ditutup.";
    return switch (p[1]) {
      case "claim" -> claims.claim(c, m, k, now);
      case "release" -> claims.release(c, m, k, now);
      case "close" -> DeskCommands.OUTCOME_HELP;
      case "falsealarm" -> commands.falseAlarm(c, m, k, now);
      default -> "Tombol ini tidak dikenal.";
    };
  }

  /** Anyone not on the staff list changes nothing, and is told so once. */
  private void stranger(Connection c, Incoming in, boolean button, boolean command, Instant now) throws SQLException {
    if (button) out.answer(c, in.callbackQueryId(), NOT_STAFF, now);
    if (in.fromUserId() != null && store.firstTimeStranger(c, in.fromUserId(), now)) {
      LOG.info("someone not on the staff list acted in the staff chat (user {}); told once", in.fromUserId());
      if (!button) out.toStaff(c, in.threadId(), NOT_STAFF, now);
    }
  }

  @Override
  public void captured(Connection c, long caseId, Effect.Capture capture, Instant now) throws SQLException {
    if ("consent".equals(capture.field())) store.event(c, caseId, null, null, "consent", capture.value(), now);
  }

  @Override
  public void waiting(Connection c, long chatId, long caseId, Instant now) throws SQLException {
    DeskCase k = store.find(c, caseId).orElse(null);
    if (k == null) return;
    store.event(c, caseId, null, null, "handoff", k.priority(), now);
    if (!topics.open(c, k, now) && k.urgent()) topics.escalated(c, k, now);
    afterHours.handedOff(c, k, now);
    room.refresh(c, now, null);
  }

  @Override
  public void privacyNotice(Connection c, long caseId, String text, Instant now) throws SQLException {
    DeskCase k = store.find(c, caseId).orElse(null);
    if (k != null && k.topicThreadId() != null) out.toTopic(c, k, text, now);
  }

  @Override
  public boolean closed(Connection c, long caseId) throws SQLException {
    return store.find(c, caseId).map(k -> CaseStore.CLOSED.equals(k.status())).orElse(false);
  }

  @Override
  public void familyWrote(Connection c, long chatId, long caseId, Incoming in, Instant now) throws SQLException {
    relay.fromFamily(c, chatId, caseId, in, now);
  }

  @Override
  public boolean familyButton(Connection c, long chatId, Long caseId, Incoming in, Instant now) throws SQLException {
    String data = in.text();
    if (data == null || !(data.startsWith("d:rate:") || data.startsWith("d:skip:"))) return false;
    String[] p = data.split(":");
    try {
      DeskCase k = p.length >= 3 ? store.find(c, Long.parseLong(p[2])).orElse(null) : null;
      if (k == null || k.chatId() != chatId || !CaseStore.CLOSED.equals(k.status())) return true;
      if (p[1].equals("skip")) {
        if (p.length == 3 && store.comment(c, k.id(), null, now)) out.toFamily(c, k, DeskTexts.of(DeskTexts.SKIPPED, k.lang()), null, now);
        return true;
      }
      int score = p.length == 4 ? Integer.parseInt(p[3]) : 0;
      if (score < 1 || score > 5) return true;
      if (store.rate(c, k.id(), score, now)) {
        store.event(c, k.id(), null, null, "rating", String.valueOf(score), now);
        store.askComment(c, k.id(), now);
        out.toFamily(c, k, DeskTexts.of(DeskTexts.THANKS_RATING, k.lang()) + "\n\n" + DeskTexts.of(DeskTexts.ASK_COMMENT, k.lang()), skipButton(k), now);
      }
    } catch (NumberFormatException e) {
      return true;
    }
    return true;
  }

  /**
   * The family wrote after their case was closed. Right after the rating, one plain text
   * message is taken as the comment asked for; anything else (a /start, a command, a photo,
   * a message showing danger, or a message after {@link #COMMENT_WINDOW}) closes the question
   * and goes on to a new first contact, which is never blocked.
   */
  @Override
  public boolean afterClose(Connection c, long chatId, long caseId, Incoming in, RiskMemory memory, Instant now) throws SQLException {
    Instant asked = store.commentAskedAt(c, caseId);
    if (asked == null) return false;
    // Screened with the conversation's memory; the memory it returns is not kept: a comment is
    // not part of the conversation, and anything else goes on to the engine, which screens it again.
    boolean comment = in.input() instanceof Input.Text t && !t.text().isBlank() && asked.plus(COMMENT_WINDOW).isAfter(now)
        && screen.screen(t.text(), memory).result().level() == RiskLevel.NONE;
    if (!comment) {
      store.comment(c, caseId, null, now);
      return false;
    }
    String text = ((Input.Text) in.input()).text().strip();
    if (!store.comment(c, caseId, text.length() > 2000 ? text.substring(0, 2000) : text, now)) return false;
    store.event(c, caseId, null, null, "rating_comment", null, now);
    DeskCase k = store.find(c, caseId).orElseThrow();
    out.toFamily(c, k, DeskTexts.of(DeskTexts.THANKS_COMMENT, k.lang()), null, now);
    return true;
  }

  private static InlineKeyboardMarkup skipButton(DeskCase k) {
    return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
        InlineKeyboardButton.builder().text(DeskTexts.of(DeskTexts.SKIP, k.lang())).callbackData("d:skip:" + k.id()).build())).build();
  }
}
