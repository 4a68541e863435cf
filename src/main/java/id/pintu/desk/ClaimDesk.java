package id.pintu.desk;

import id.pintu.desk.StaffDirectory.Member;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Claim, release and transfer. The database decides who wins (a conditional UPDATE checked
 * by its row count), so exactly one counselor gets a case even across nodes. Each method
 * returns what the acting counselor is told; announcements go to the topic and the family.
 */
final class ClaimDesk {
  private final DeskStore store;
  private final DeskOutbox out;
  private final StaffDirectory staff;
  private final PendingMoments moments;
  private final WaitingRoom room;

  ClaimDesk(DeskStore store, DeskOutbox out, StaffDirectory staff, PendingMoments moments, WaitingRoom room) {
    this.store = store;
    this.out = out;
    this.staff = staff;
    this.moments = moments;
    this.room = room;
  }

  String claim(Connection c, Member m, DeskCase k, Instant now) throws SQLException {
    if (store.claim(c, k.id(), m.userId(), now)) {
      store.event(c, k.id(), m.userId(), m.alias(), "claim", null, now);
      moments.claimed(k, now);
      out.toTopic(c, k, "✅ Kasus #" + k.id() + " diambil oleh " + m.alias()
          + ". Pesannya di topik ini diteruskan ke keluarga; /catatan untuk catatan pribadi.", now);
      out.toFamily(c, k, DeskTexts.of(DeskTexts.JOINED, k.lang(), m.alias()), null, now);
      room.refresh(c, now, null); // everyone behind moved up
      return "Kasus #" + k.id() + " sekarang Anda tangani.";
    }
    DeskCase now2 = store.find(c, k.id()).orElse(k);
    if (now2.claimedBy() != null) return "Kasus #" + k.id() + " sudah diambil oleh " + alias(now2.claimedBy()) + ".";
    return "Kasus #" + k.id() + " tidak bisa diambil (status: " + now2.status() + ").";
  }

  String release(Connection c, Member m, DeskCase k, Instant now) throws SQLException {
    if (k.claimedBy() == null) return "Kasus #" + k.id() + " belum diambil siapa pun.";
    if (k.claimedBy() != m.userId() && !supervises(m)) return "Hanya " + alias(k.claimedBy()) + " atau supervisor yang dapat melepas kasus ini.";
    if (!store.release(c, k.id(), k.claimedBy(), now)) return "Kasus #" + k.id() + " tidak dapat dilepas sekarang.";
    store.event(c, k.id(), m.userId(), m.alias(), "release", null, now);
    out.toTopic(c, k, "↩️ Kasus #" + k.id() + " dilepas oleh " + m.alias() + " dan kembali ke antrian.", now);
    out.toFamily(c, k, DeskTexts.of(DeskTexts.RELEASED, k.lang()), null, now);
    room.refresh(c, now, k.id()); // the family was just told; remember their place quietly
    return "Kasus #" + k.id() + " kembali ke antrian.";
  }

  String transfer(Connection c, Member m, DeskCase k, String toAlias, Instant now) throws SQLException {
    Member to = staff.byAlias(toAlias).orElse(null);
    if (to == null) return "Tidak ada staf dengan alias \"" + (toAlias == null ? "" : toAlias) + "\". Pakai: /alihkan <alias>";
    if (k.claimedBy() == null) return "Kasus #" + k.id() + " belum diambil; " + to.alias() + " dapat menekan Ambil kasus.";
    if (k.claimedBy() != m.userId() && !supervises(m)) return "Hanya " + alias(k.claimedBy()) + " atau supervisor yang dapat mengalihkan kasus ini.";
    if (!store.transfer(c, k.id(), k.claimedBy(), to.userId(), now)) return "Kasus #" + k.id() + " tidak dapat dialihkan sekarang.";
    store.event(c, k.id(), m.userId(), m.alias(), "transfer", "to " + to.alias(), now);
    out.toTopic(c, k, "🔁 Kasus #" + k.id() + " dialihkan oleh " + m.alias() + " kepada " + to.alias() + ".", now);
    out.toFamily(c, k, DeskTexts.of(DeskTexts.TRANSFERRED, k.lang(), to.alias()), null, now);
    return "Kasus #" + k.id() + " dialihkan kepada " + to.alias() + ".";
  }

  boolean holds(Member m, DeskCase k) {
    return k.claimedBy() != null && k.claimedBy() == m.userId();
  }

  static boolean supervises(Member m) {
    return m.role() != StaffDirectory.Role.COUNSELOR;
  }

  String alias(long userId) {
    return staff.find(userId).map(Member::alias).orElse("staf lain");
  }
}
