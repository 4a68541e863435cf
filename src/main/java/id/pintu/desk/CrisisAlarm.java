package id.pintu.desk;

import id.pintu.config.PintuConfig;
import id.pintu.conversation.CrisisHooks;
import id.pintu.dialog.Effect;
import id.pintu.dialog.OfficeHours;
import id.pintu.dialog.ServiceTexts;
import id.pintu.dialog.Text;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import id.pintu.store.OutboxStore;
import id.pintu.store.TranscriptStore;
import id.pintu.telegram.ReplyComposer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Every crisis, with or without a desk. The shipped configuration has no staff chat and
 * nobody on call, and a crisis used to reach nobody while the family was promised a quick
 * reply; so here:
 * <ul>
 *   <li>every urgent flag is logged at WARN (case id, categories, level, the desk situation;
 *       never what the family wrote);</li>
 *   <li>with {@code desk.onCall} set, the on-call staff are pinged at once, in or out of
 *       hours, once per case: a private message from the bot to each of them, and a mention
 *       in the staff chat's general topic when there is one. The ping carries the case id,
 *       categories and level (and the topic's link once it exists), never the family's text;</li>
 *   <li>once the crisis script has handed the family over, they are told plainly that the
 *       help numbers are the fastest help now, and who will read them and when, in words the
 *       admins keep in {@code dialogs/service.yaml} ({@link DeskTexts} has the defaults).</li>
 * </ul>
 */
public final class CrisisAlarm implements CrisisHooks {
  private static final Logger LOG = LoggerFactory.getLogger(CrisisAlarm.class);
  static final String PAGED = "on_call_paged";
  static final String TOLD = "crisis_told";

  /** Who a crisis reaches right now. */
  public enum Situation {
    /** A staff chat, inside office hours: the counselors on duty see the urgent topic. */
    DESK_OPEN("crisis_desk_open", DeskTexts.CRISIS_DESK_OPEN),
    /** A staff chat, outside office hours, on-call staff set: they are pinged. */
    ON_CALL("crisis_on_call", DeskTexts.CRISIS_ON_CALL),
    /** A staff chat, outside office hours, nobody on call: nobody until the office opens. */
    NOBODY_ON_CALL("crisis_nobody_on_call", DeskTexts.CRISIS_NOBODY_ON_CALL),
    /** No staff chat and nobody on call: nobody but the help numbers. */
    NO_DESK("crisis_no_desk", DeskTexts.CRISIS_NO_DESK),
    /** No staff chat, on-call staff set: they get a private message; nobody can reply in the chat. */
    NO_DESK_ON_CALL("crisis_no_desk_on_call", DeskTexts.CRISIS_NO_DESK_ON_CALL);

    /** The key under {@code service:} in {@code dialogs/service.yaml} that overrides the default words. */
    public final String key;
    final Text fallback;

    Situation(String key, Text fallback) {
      this.key = key;
      this.fallback = fallback;
    }
  }

  private final long staffChat;
  private final List<Long> onCall;
  private final StaffDirectory staff;
  private final Supplier<ServiceTexts> service;
  private final DeskStore store;
  private final DeskOutbox out;

  /**
   * @param staff the staff list, for the on-call staff's aliases; null without a desk
   * @param service the current service texts (office hours, the family's words), re-read when an admin edits them
   */
  public CrisisAlarm(PintuConfig.Desk cfg, Database db, ReplyComposer composer, StaffDirectory staff, Supplier<ServiceTexts> service) {
    this.staffChat = cfg.enabled() ? cfg.staffChatId() : 0;
    this.onCall = List.copyOf(cfg.onCall());
    this.staff = staff;
    this.service = service;
    this.store = new DeskStore(db);
    this.out = new DeskOutbox(new OutboxStore(db), new TranscriptStore(db), composer, staffChat);
  }

  private boolean desk() {
    return staffChat != 0;
  }

  public Situation situation(Instant now) {
    if (!desk()) return onCall.isEmpty() ? Situation.NO_DESK : Situation.NO_DESK_ON_CALL;
    if (service.get().officeHours().isOpen(now)) return Situation.DESK_OPEN;
    return onCall.isEmpty() ? Situation.NOBODY_ON_CALL : Situation.ON_CALL;
  }

  @Override
  public void flagged(Connection c, long chatId, long caseId, Effect.Flag flag, Instant now) throws SQLException {
    Situation s = situation(now);
    LOG.warn("crisis in case {}: {} ({}); {}", caseId, String.join(",", flag.categories()), flag.level().wire(), reach(s, now));
    if (onCall.isEmpty() || store.firstEvent(c, caseId, PAGED) != null) return;
    DeskCase k = store.find(c, caseId).orElse(null);
    String what = "kasus #" + caseId + " (" + String.join(", ", flag.categories()) + "; " + flag.level().wire() + ")";
    boolean afterHours = s == Situation.ON_CALL;
    String link = k == null ? null : topicLink(k);
    if (desk()) {
      String who = onCall.stream().map(id -> DeskOutbox.mention(id, alias(id))).collect(Collectors.joining(", "));
      out.htmlToStaff(c, caseId, "🚨 <b>" + (afterHours ? "Krisis di luar jam layanan" : "Krisis") + "</b>: " + Html.esc(what) + ".\n" + who
          + ": mohon segera cek dan ambil kasus ini di topiknya." + (link == null ? "" : "\n" + link), now);
    }
    String dm = "🚨 Krisis: " + what + (afterHours ? ", di luar jam layanan" : "") + ".\n"
        + (!desk() ? "Belum ada grup staf (desk.staffChatId), jadi keluarga ini tidak bisa dibalas lewat bot. "
            + "Lihat kasusnya di konsol admin dan hubungi keluarga bila ada kontaknya."
            : link != null ? "Topiknya: " + link
            : "Topik \"#" + caseId + " · …\" sedang dibuat di grup staf: mohon segera cek dan ambil kasusnya.");
    for (long id : onCall) {
      // No case id on the row: Telegram refusing a member of staff must never mark the family's case unreachable.
      out.call(c, id, null, SendMessage.builder().chatId(id).text(dm).build(), false, now);
    }
    store.event(c, caseId, null, null, PAGED, String.valueOf(onCall.size()), now);
  }

  @Override
  public void handedOffUrgent(Connection c, long chatId, long caseId, String lang, Instant now) throws SQLException {
    if (store.firstEvent(c, caseId, TOLD) != null) return; // a second urgent handoff says it once
    Situation s = situation(now);
    out.toFamily(c, chatId, caseId, familyText(s, lang, now), null, now);
    store.event(c, caseId, null, null, TOLD, s.name().toLowerCase(java.util.Locale.ROOT), now);
  }

  /** The family's words for this situation: the admins' from service.yaml, else the defaults. */
  String familyText(Situation s, String lang, Instant now) {
    ServiceTexts texts = service.get();
    Text t = texts.service().getOrDefault(s.key, s.fallback);
    String l = lang == null ? Text.DEFAULT_LANG : lang;
    String words = t.in(l);
    if (words == null || words.isBlank()) words = s.fallback.in(l);
    if (!words.contains("{opening}")) return words;
    OfficeHours h = texts.officeHours();
    String when = h.nextOpening(now).map(z -> h.describe(z, l)).orElse(DeskTexts.NEXT_OPENING_UNKNOWN.in(l));
    return words.replace("{opening}", when);
  }

  /** For the log and {@code /health/ready}: whom a crisis reaches right now. */
  public String reach(Situation s, Instant now) {
    return switch (s) {
      case DESK_OPEN -> "desk open" + (onCall.isEmpty() ? "" : ", " + onCall.size() + " on call pinged");
      case ON_CALL -> "outside office hours: " + onCall.size() + " on call pinged";
      case NOBODY_ON_CALL -> "outside office hours and nobody on call: crises reach nobody but the help numbers until "
          + service.get().officeHours().nextOpening(now).map(z -> z.toInstant().toString()).orElse("the office opens");
      case NO_DESK -> "no staff chat: crises reach nobody but the help numbers";
      case NO_DESK_ON_CALL -> "no staff chat: crises reach the " + onCall.size() + " on call by private message only; nobody can reply in the chat";
    };
  }

  /** What {@code /health/ready} says under {@code desk}. */
  public String readiness(Instant now) {
    return reach(situation(now), now);
  }

  /** Said once at start-up: a node that will leave crises unheard says so where the admins look. */
  public void warnAtStart(Instant now) {
    if (!desk()) {
      LOG.warn(onCall.isEmpty()
          ? "no staff chat (desk.staffChatId) and nobody on call (desk.onCall): a crisis reaches nobody but the help numbers"
          : "no staff chat (desk.staffChatId): a crisis reaches the on-call staff by private message only, and nobody can reply in the chat");
      return;
    }
    OfficeHours h = service.get().officeHours();
    if (onCall.isEmpty() && !h.alwaysOpen()) {
      LOG.warn("nobody on call (desk.onCall): outside office hours a crisis reaches nobody but the help numbers until the office opens{}",
          h.isOpen(now) ? "" : " (it is outside office hours now)");
    }
  }

  /** Telegram refused a row for good: an on-call ping nobody received is said plainly; the case stays first in the queue. */
  public void refused(OutboxStore.Row row, String why) {
    if (row.caseId() == null && onCall.contains(row.chatId()) && "sendmessage".equalsIgnoreCase(row.method())) {
      LOG.warn("the crisis ping to on-call user {} was refused ({}): they must open the bot and press Start once; "
          + "the case stays first in the queue", row.chatId(), why);
    }
  }

  private String alias(long userId) {
    return staff == null ? "petugas jaga" : staff.find(userId).map(StaffDirectory.Member::alias).orElse("petugas jaga");
  }

  /** {@code https://t.me/c/<id>/<thread>}: opens the topic for members of the staff chat; null before it exists. */
  private String topicLink(DeskCase k) {
    if (!desk() || k.topicThreadId() == null || k.topicThreadId() == DeskOutbox.TOPIC_PENDING) return null;
    String id = Long.toString(-staffChat);
    return "https://t.me/c/" + (id.startsWith("100") ? id.substring(3) : id) + "/" + k.topicThreadId();
  }
}
