package id.pintu.desk;

import id.pintu.dialog.OfficeHours;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.Waiting;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * While nobody has claimed their case, a family is told their place in line: once when they
 * join it (or when the office opens), then again only when it changes meaningfully (they
 * reach the front, or move up by a real step) and at most every {@code minInterval}. A place
 * that gets worse (an urgent case went ahead) is not announced. Urgent families are left out:
 * the crisis script already told them they come first, and a counselor is being called.
 */
final class WaitingRoom {
  private final DeskStore store;
  private final DeskOutbox out;
  private final Supplier<OfficeHours> hours;
  private final Duration minInterval;

  WaitingRoom(DeskStore store, DeskOutbox out, Supplier<OfficeHours> hours, Duration minInterval) {
    this.store = store;
    this.out = out;
    this.hours = hours;
    this.minInterval = minInterval;
  }

  /**
   * Looks at everyone waiting and tells those whose place changed meaningfully. {@code quiet}
   * is a case whose family was just told something else (e.g. released back to the queue):
   * its place is remembered without a message. Returns how many families were told.
   */
  int refresh(Connection c, Instant now, Long quiet) throws SQLException {
    boolean open = hours.get().isOpen(now);
    List<Waiting> room = store.waitingRoom(c);
    int told = 0;
    int position = 0;
    for (Waiting w : room) {
      position++;
      if (quiet != null && w.id() == quiet) {
        store.told(c, w.id(), w.toldPosition(), position, now);
        continue;
      }
      if (w.urgent() || !open || !meaningful(w.toldPosition(), position)) continue;
      if (w.toldAt() != null && w.toldAt().plus(minInterval).isAfter(now)) continue;
      String text = position == 1 ? DeskTexts.of(DeskTexts.FRONT, w.lang()) : DeskTexts.of(DeskTexts.IN_LINE, w.lang(), position);
      if (!store.told(c, w.id(), w.toldPosition(), position, now)) continue;
      out.toFamily(c, w.chatId(), w.id(), text, null, now);
      told++;
    }
    return told;
  }

  /** Never told yet; reached the front; or moved up by a step that matters (2 places, or a third of the way). */
  static boolean meaningful(Integer told, int position) {
    if (told == null) return true;
    if (position >= told) return false;
    return position == 1 || told - position >= Math.max(2, told / 3);
  }
}
