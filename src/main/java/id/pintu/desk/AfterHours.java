package id.pintu.desk;

import id.pintu.dialog.OfficeHours;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outside office hours: a family handed off is told when a counselor will answer (day and
 * time in their language) and that they can leave their story now; a crisis pings the
 * on-call staff ({@code desk.onCall}) in the staff chat, once per case. The help contacts
 * themselves come from the crisis script, in the same update as the crisis message.
 */
final class AfterHours {
  private static final Logger LOG = LoggerFactory.getLogger(AfterHours.class);
  static final String PAGED = "on_call_paged";

  private final DeskStore store;
  private final DeskOutbox out;
  private final StaffDirectory staff;
  private final List<Long> onCall;
  private final Supplier<OfficeHours> hours;

  AfterHours(DeskStore store, DeskOutbox out, StaffDirectory staff, List<Long> onCall, Supplier<OfficeHours> hours) {
    this.store = store;
    this.out = out;
    this.staff = staff;
    this.onCall = List.copyOf(onCall);
    this.hours = hours;
  }

  boolean open(Instant now) {
    return hours.get().isOpen(now);
  }

  /** A message showed danger: outside office hours the on-call staff are pinged (once per case). */
  void crisis(Connection c, long caseId, Instant now) throws SQLException {
    if (open(now) || store.firstEvent(c, caseId, PAGED) != null) return;
    if (onCall.isEmpty()) {
      LOG.warn("crisis in case {} outside office hours and nobody on call: set desk.onCall", caseId);
      return;
    }
    String who = onCall.stream().map(id -> DeskOutbox.mention(id, staff.find(id).map(StaffDirectory.Member::alias).orElse("petugas jaga")))
        .collect(Collectors.joining(", "));
    out.htmlToStaff(c, caseId, "🚨 <b>Krisis di luar jam layanan</b>: kasus #" + caseId + ".\n" + who
        + ": mohon segera cek dan ambil kasus ini di topiknya.", now);
    store.event(c, caseId, null, null, PAGED, String.valueOf(onCall.size()), now);
  }

  /** Handed off outside office hours: tell the family when to expect an answer. */
  void handedOff(Connection c, DeskCase k, Instant now) throws SQLException {
    OfficeHours h = hours.get();
    if (h.isOpen(now)) return;
    String told = k.urgent() ? "after_hours_urgent" : "after_hours";
    if (store.firstEvent(c, k.id(), told) != null) return; // a second handoff (e.g. it became urgent) says it once
    String when = h.nextOpening(now).map(t -> h.describe(t, k.lang())).orElse(null);
    String text;
    if (k.urgent()) {
      crisis(c, k.id(), now);
      if (!onCall.isEmpty()) text = DeskTexts.of(DeskTexts.AFTER_HOURS_URGENT, k.lang());
      else if (when != null) text = DeskTexts.of(DeskTexts.AFTER_HOURS_URGENT_NO_ON_CALL, k.lang(), when);
      else return;
    } else {
      if (when == null) return;
      text = DeskTexts.of(DeskTexts.AFTER_HOURS, k.lang(), when);
    }
    out.toFamily(c, k, text, null, now);
    store.event(c, k.id(), null, null, told, null, now);
  }
}
