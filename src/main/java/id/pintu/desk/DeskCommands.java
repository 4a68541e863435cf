package id.pintu.desk;

import id.pintu.desk.StaffDirectory.Member;
import id.pintu.dialog.ServiceTexts.Referral;
import id.pintu.privacy.CaseCommands;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The counselors' commands in the staff chat: {@code /antrian} anywhere; inside a case topic
 * {@code /catatan}, {@code /rujuk}, {@code /tutup}, {@code /lepas}, {@code /alihkan}. Each
 * action is recorded in the case history. Returns what the counselor is told.
 */
final class DeskCommands {
  /** Closing outcomes: what counselors may type, and what is stored. */
  static final Map<String, String> OUTCOMES = Map.ofEntries(
      Map.entry("selesai", "resolved"), Map.entry("resolved", "resolved"),
      Map.entry("dirujuk", "referred"), Map.entry("referred", "referred"),
      Map.entry("klien_berhenti", "client_ended"), Map.entry("client_ended", "client_ended"),
      Map.entry("tidak_ada_respons", "no_response"), Map.entry("no_response", "no_response"),
      Map.entry("dialihkan", "transferred"), Map.entry("transferred", "transferred"));
  static final String OUTCOME_HELP = "Pakai: /tutup <hasil> — selesai, dirujuk, klien_berhenti, tidak_ada_respons, dialihkan";

  private final DeskStore store;
  private final DeskOutbox out;
  private final ClaimDesk claims;
  private final Supplier<List<Referral>> referrals;
  private final WaitingRoom room;
  private final CaseCommands privacy;

  DeskCommands(DeskStore store, DeskOutbox out, ClaimDesk claims, Supplier<List<Referral>> referrals, WaitingRoom room,
               CaseCommands privacy) {
    this.room = room;
    this.privacy = privacy;
    this.store = store;
    this.out = out;
    this.claims = claims;
    this.referrals = referrals;
  }

  /** Runs a command; {@code k} is the topic's case or null outside a case topic. Null: nothing more to say. */
  String run(Connection c, Member m, DeskCase k, String name, String arg, Instant now) throws SQLException {
    if (name.equals("antrian") || name.equals("queue")) return queue(c, now);
    if (k == null) return "Perintah ini dipakai di dalam topik kasus. Di sini: /antrian";
    return switch (name) {
      case "catatan", "note" -> note(c, m, k, arg, now);
      case "rujuk", "refer" -> refer(c, m, k, arg, now);
      case "tutup", "close" -> close(c, m, k, arg, now);
      case "lepas", "release" -> claims.release(c, m, k, now);
      case "alihkan", "transfer" -> claims.transfer(c, m, k, arg, now);
      case "ambil", "claim" -> claims.claim(c, m, k, now);
      case "tahan", "hold" -> mayAct(m, k) ? privacy.hold(c, k.id(), m.userId(), m.alias(), arg, now)
          : "Hanya konselor yang menangani kasus ini atau supervisor yang dapat menahan data kasus.";
      case "lepastahan", "unhold" -> mayAct(m, k) ? privacy.release(c, k.id(), m.userId(), m.alias(), now)
          : "Hanya konselor yang menangani kasus ini atau supervisor yang dapat melepas penahanan.";
      case "bukandarurat", "falsealarm" -> falseAlarm(c, m, k, now);
      default -> "Perintah tidak dikenal. Di topik kasus: /catatan, /rujuk, /tutup, /lepas, /alihkan, /tahan, /lepastahan, /bukandarurat; di mana saja: /antrian";
    };
  }

  String queue(Connection c, Instant now) throws SQLException {
    List<DeskCase> q = store.queue(c);
    if (q.isEmpty()) return "Antrian kosong.";
    StringBuilder b = new StringBuilder("Antrian (" + q.size() + "):\n");
    int i = 1;
    for (DeskCase k : q) {
      long min = k.handedOffAt() == null ? 0 : Math.max(0, Duration.between(k.handedOffAt(), now).toMinutes());
      b.append(i++).append(". #").append(k.id()).append(k.urgent() ? " URGENT" : "high".equals(k.priority()) ? " PENTING" : "")
          .append(" · menunggu ").append(min).append(" menit\n");
      if (b.length() > 3800) break;
    }
    return b.toString().strip();
  }

  private String note(Connection c, Member m, DeskCase k, String text, Instant now) throws SQLException {
    if (text == null || text.isBlank()) return "Pakai: /catatan <teks>";
    store.note(c, k.id(), m.userId(), text.strip(), now);
    store.event(c, k.id(), m.userId(), m.alias(), "note", null, now);
    return "📝 Catatan disimpan. Catatan tidak pernah dikirim ke keluarga.";
  }

  private String refer(Connection c, Member m, DeskCase k, String id, Instant now) throws SQLException {
    if (!mayAct(m, k)) return "Hanya konselor yang menangani kasus ini atau supervisor yang dapat merujuk.";
    List<Referral> list = referrals.get();
    String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    Referral r = list.stream().filter(x -> x.id() != null && x.id().equalsIgnoreCase(key)).findFirst().orElse(null);
    if (r == null) {
      StringBuilder b = new StringBuilder("Pakai: /rujuk <id>. Daftar rujukan:\n");
      for (Referral x : list) b.append("• ").append(x.id()).append(" — ").append(x.name()).append('\n');
      return b.toString().strip();
    }
    store.referral(c, k.id(), r.id(), r.name(), m.userId(), now);
    store.event(c, k.id(), m.userId(), m.alias(), "referral", r.id(), now);
    return "Rujukan dicatat: " + r.name() + (r.phone() == null ? "" : " (" + r.phone() + ")") + ".";
  }

  private String close(Connection c, Member m, DeskCase k, String arg, Instant now) throws SQLException {
    if (!mayAct(m, k)) return "Hanya konselor yang menangani kasus ini atau supervisor yang dapat menutupnya.";
    String outcome = arg == null ? null : OUTCOMES.get(arg.strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
    if (outcome == null) return OUTCOME_HELP;
    if (!store.close(c, k.id(), outcome, now)) return "Kasus #" + k.id() + " sudah ditutup.";
    store.event(c, k.id(), m.userId(), m.alias(), "close", outcome, now);
    if (k.claimedBy() == null) room.refresh(c, now, null); // an unclaimed case left the queue
    out.toTopic(c, k, "🔒 Kasus #" + k.id() + " ditutup oleh " + m.alias() + ": " + outcome + ".", now);
    out.toFamily(c, k, DeskTexts.of(DeskTexts.CLOSED, k.lang()), ratingButtons(k.id()), now);
    if (k.topicThreadId() != null) {
      out.call(c, out.staffChat, k.id(), CloseForumTopic.builder().chatId(out.staffChat).messageThreadId(k.topicThreadId()).build(), true, now);
    }
    return null; // said in the topic above; anything after closeForumTopic would be refused (TOPIC_CLOSED)
  }

  /** The command, or the card's "Bukan darurat" button. */
  String falseAlarm(Connection c, Member m, DeskCase k, Instant now) throws SQLException {
    return privacy.falseAlarm(c, k.id(), k.flags(), m.userId(), m.alias(), now);
  }

  static InlineKeyboardMarkup ratingButtons(long caseId) {
    InlineKeyboardRow row = new InlineKeyboardRow();
    for (int i = 1; i <= 5; i++) row.add(InlineKeyboardButton.builder().text(String.valueOf(i)).callbackData("d:rate:" + caseId + ":" + i).build());
    return InlineKeyboardMarkup.builder().keyboardRow(row).build();
  }

  private boolean mayAct(Member m, DeskCase k) {
    return claims.holds(m, k) || ClaimDesk.supervises(m);
  }
}
