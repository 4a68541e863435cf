package id.pintu.desk;

import id.pintu.desk.StaffDirectory.Member;
import id.pintu.dialog.Input;
import id.pintu.dialog.VisibleText;
import id.pintu.store.CaseMilestones;
import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import id.pintu.store.TranscriptStore;
import id.pintu.telegram.Incoming;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

/**
 * Carries messages between a family and their case topic with copyMessage (text, photos,
 * voice notes, documents, stickers; no sender shown), through the outbox, so they leave in
 * order and within Telegram's limits. Only the counselor holding the case reaches the family.
 */
final class Relay {
  private static final Set<String> CARRIED = Set.of("text", "photo", "sticker", "voice", "video", "video_note", "document", "location", "contact");

  private final DeskStore store;
  private final DeskOutbox out;
  private final TranscriptStore transcript;
  private final PendingMoments moments;
  private final CaseMilestones milestones = new CaseMilestones();

  Relay(DeskStore store, DeskOutbox out, TranscriptStore transcript, PendingMoments moments) {
    this.store = store;
    this.out = out;
    this.transcript = transcript;
    this.moments = moments;
  }

  /** The family wrote while waiting or talking with a counselor: copy it into the topic. */
  void fromFamily(Connection c, long chatId, long caseId, Incoming in, Instant now) throws SQLException {
    if (!carried(in)) return;
    DeskCase k = store.find(c, caseId).orElse(null);
    if (k == null || CaseStore.CLOSED.equals(k.status()) || k.topicRequestedAt() == null) return;
    if (in.cleaned() && "text".equals(in.kind())) {
      // Telegram's copy would carry the characters taken out (a bidi override, NUL): send what is left.
      if (!VisibleText.empty(in.text())) out.toTopic(c, k, in.text(), now);
      return;
    }
    String caption = in.cleaned() ? (in.text() == null ? "" : in.text()) : null; // a media's caption, cleaned
    out.copy(c, out.staffChat, DeskOutbox.thread(k), chatId, in.messageId(), caseId, caption, now);
  }

  /** A staff message in a case topic: relayed only when its author holds the case. */
  boolean fromCounselor(Connection c, Member m, DeskCase k, Incoming in, Instant now) throws SQLException {
    if (!carried(in) || k.claimedBy() == null || k.claimedBy() != m.userId() || !DeskStore.CLAIMED.equals(k.status())) return false;
    long id = out.copy(c, k.chatId(), null, out.staffChat, in.messageId(), k.id(), null, now);
    transcript.add(c, k.chatId(), k.id(), TranscriptStore.OUT, in.kind(), in.text(), in.fileId(), null, id, now);
    if (milestones.firstReply(c, k.id(), now)) moments.firstReply(k, now);
    return true;
  }

  private static boolean carried(Incoming in) {
    return in.messageId() != null && in.callbackQueryId() == null && CARRIED.contains(in.kind())
        && !(in.input() instanceof Input.Command) && !(in.input() instanceof Input.Start);
  }
}
