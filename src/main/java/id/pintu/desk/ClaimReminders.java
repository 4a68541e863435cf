package id.pintu.desk;

import id.pintu.desk.StaffDirectory.Member;
import id.pintu.dialog.OfficeHours;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's periodic look at the queue: a case nobody claimed within {@code claimMinutes}
 * ({@code urgentClaimMinutes} when urgent) is announced again in its topic, mentioning the
 * supervisors, and again every such interval while it stays unclaimed ({@code announced_at}
 * keeps the time of the last one). Outside office hours only urgent cases are announced
 * again; a normal case left from the night is announced on the first round after opening. The waiting room is looked at on the same round, so a
 * family whose update waited for the minimum interval, or who came outside office hours,
 * hears where they stand.
 *
 * <p>{@link #sweep} is a plain method that does all its work in one store transaction and
 * decides with conditional updates, so two nodes running it at once never announce a case
 * twice; a cluster-wide "run once" lease can wrap it without changes here.
 */
public final class ClaimReminders {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimReminders.class);

  private final Database db;
  private final DeskStore store;
  private final DeskOutbox out;
  private final StaffDirectory staff;
  private final WaitingRoom room;
  private final Duration normal;
  private final Duration urgent;
  private final Supplier<OfficeHours> hours;

  ClaimReminders(Database db, DeskStore store, DeskOutbox out, StaffDirectory staff, WaitingRoom room, Duration normal, Duration urgent,
                 Supplier<OfficeHours> hours) {
    this.hours = hours;
    this.db = db;
    this.store = store;
    this.out = out;
    this.staff = staff;
    this.room = room;
    this.normal = normal;
    this.urgent = urgent;
  }

  /** Announces again what is overdue and updates the waiting room; returns how many cases were announced. */
  public int sweep(Instant now) {
    try {
      return db.inTransaction(c -> {
        int announced = 0;
        boolean open = hours.get().isOpen(now);
        for (DeskCase k : store.unclaimed(c)) {
          if (!open && !k.urgent()) continue; // nobody to ping at night; the first sweep after opening catches up
          Duration every = k.urgent() ? urgent : normal;
          Instant since = k.announcedAt() != null ? k.announcedAt() : k.handedOffAt();
          if (since == null || since.plus(every).isAfter(now)) continue;
          if (!store.announced(c, k.id(), now.minus(every).plusMillis(1), now)) continue;
          long waited = k.handedOffAt() == null ? 0 : Math.max(0, Duration.between(k.handedOffAt(), now).toMinutes());
          out.htmlToTopic(c, k, text(k, waited), HandoverCard.buttons(k.id()), now);
          store.event(c, k.id(), null, null, "announced_again", waited + " min", now);
          announced++;
        }
        room.refresh(c, now, null);
        if (announced > 0) LOG.info("{} unclaimed case(s) announced again", announced);
        return announced;
      });
    } catch (SQLException | RuntimeException e) {
      LOG.warn("claim reminder sweep skipped: {}", e.toString());
      return 0;
    }
  }

  private String text(DeskCase k, long waited) {
    List<Member> sups = staff.withRole(StaffDirectory.Role.SUPERVISOR);
    String mentions = sups.stream().map(m -> DeskOutbox.mention(m.userId(), m.alias())).collect(Collectors.joining(", "));
    return "⏰ <b>Kasus #" + k.id() + (k.urgent() ? " (URGENT)" : "") + " belum diambil</b> setelah " + waited + " menit."
        + (mentions.isEmpty() ? "" : "\n" + mentions + ": mohon bantu carikan konselor.")
        + "\nTekan <b>Ambil kasus</b> untuk menanganinya.";
  }
}
