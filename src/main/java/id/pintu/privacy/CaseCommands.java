package id.pintu.privacy;

import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.store.PrivacyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The staff's privacy and safety commands in a case topic, each recorded in the case
 * history: {@code /tahan <reason>} places a legal hold (no erasure on request, no retention
 * purge while it stands), {@code /lepastahan} lifts it, {@code /bukandarurat} marks the
 * case's crisis flag as a false alarm. Who may act is checked by the desk. Returns what the
 * counselor is told.
 */
public final class CaseCommands {
  /** The case-history action the engine's crisis flag is recorded under, with its categories. */
  public static final String CRISIS_FLAG = "crisis_flag";
  public static final String FALSE_ALARM = "false_alarm";

  private final PrivacyStore store;
  private final DeskStore desk;

  public CaseCommands(Database db) {
    this.store = new PrivacyStore(db);
    this.desk = new DeskStore(db);
  }

  public String hold(Connection c, long caseId, long userId, String alias, String reason, Instant now) throws SQLException {
    if (reason == null || reason.isBlank()) return "Pakai: /tahan <alasan>, mis. /tahan kasus perlindungan anak aktif";
    if (!store.hold(c, caseId, reason.strip(), userId, now)) return "Kasus #" + caseId + " sudah ditahan.";
    desk.event(c, caseId, userId, alias, "legal_hold", reason.strip(), now);
    return "🔒 Kasus #" + caseId + " ditahan: datanya tidak dihapus atas permintaan maupun oleh masa simpan sampai /lepastahan. "
        + "Bila keluarga meminta penghapusan, mereka diberi tahu alasannya.";
  }

  public String release(Connection c, long caseId, long userId, String alias, Instant now) throws SQLException {
    if (!store.release(c, caseId)) return "Kasus #" + caseId + " tidak sedang ditahan.";
    desk.event(c, caseId, userId, alias, "legal_hold_released", null, now);
    return "Penahanan kasus #" + caseId + " dilepas.";
  }

  public String falseAlarm(Connection c, long caseId, String flags, long userId, String alias, Instant now) throws SQLException {
    Optional<String> flagged = store.lastEvent(c, caseId, CRISIS_FLAG);
    boolean crisis = flagged.isPresent() || (flags != null && flags.contains("\"crisis\""));
    if (!crisis) return "Kasus #" + caseId + " tidak punya tanda darurat.";
    if (store.lastEvent(c, caseId, FALSE_ALARM).isPresent()) return "Tanda darurat kasus #" + caseId + " sudah ditandai sebagai alarm palsu.";
    String category = flagged.map(CaseCommands::primary).orElse("unknown");
    desk.event(c, caseId, userId, alias, FALSE_ALARM, category, now);
    return "Tanda darurat kasus #" + caseId + " ditandai sebagai alarm palsu (" + category + "). Terima kasih: ini membantu memperbaiki daftar kata.";
  }

  /** Records the categories of a crisis flag in the case history (no phrases, no text). */
  public void crisisFlagged(Connection c, long caseId, java.util.List<String> categories, Instant now) throws SQLException {
    desk.event(c, caseId, null, null, CRISIS_FLAG, categories.isEmpty() ? "unknown" : String.join(",", categories), now);
  }

  private static String primary(String categories) {
    if (categories == null || categories.isBlank()) return "unknown";
    int comma = categories.indexOf(',');
    return comma < 0 ? categories : categories.substring(0, comma);
  }
}
