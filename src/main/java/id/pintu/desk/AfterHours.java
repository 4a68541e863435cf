package id.pintu.desk;

import id.pintu.dialog.OfficeHours;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Outside office hours a family handed off is told when a counselor will answer (day and
 * time in their language) and that they can leave their story now. A crisis is not told
 * here: {@link CrisisAlarm} tells it, and pages the on-call staff, in every desk situation.
 */
final class AfterHours {
  private final DeskStore store;
  private final DeskOutbox out;
  private final Supplier<OfficeHours> hours;

  AfterHours(DeskStore store, DeskOutbox out, Supplier<OfficeHours> hours) {
    this.store = store;
    this.out = out;
    this.hours = hours;
  }

  /** Handed off outside office hours: tell the family when to expect an answer. */
  void handedOff(Connection c, DeskCase k, Instant now) throws SQLException {
    OfficeHours h = hours.get();
    if (k.urgent() || h.isOpen(now)) return;
    if (store.firstEvent(c, k.id(), "after_hours") != null) return; // a second handoff says it once
    String when = h.nextOpening(now).map(t -> h.describe(t, k.lang())).orElse(null);
    if (when == null) return;
    out.toFamily(c, k, DeskTexts.of(DeskTexts.AFTER_HOURS, k.lang(), when), null, now);
    store.event(c, k.id(), null, null, "after_hours", null, now);
  }
}
