package id.pintu.admin;

import id.pintu.desk.Html;
import id.pintu.dialog.Problem;
import id.pintu.store.Database;
import id.pintu.store.OutboxStore;
import id.pintu.store.RefusedEdits;
import id.pintu.telegram.OutboundMessage;
import id.pintu.telegram.ReplyComposer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Tells the staff chat (its general topic, through the outbox) that an edit of a file in
 * {@code dialogs/} was refused: which file, how many problems, the first few. The same
 * refused text is announced once, whichever node saw it and across restarts (table
 * {@code refused_edits}); a changed text is announced again; once a good version of the
 * file is published the staff chat hears that it is fixed.
 */
public final class EditNotices implements ScriptLibrary.InvalidEdit {
  private static final Logger LOG = LoggerFactory.getLogger(EditNotices.class);
  static final int SHOWN = 5;

  private final Database db;
  private final OutboxStore outbox;
  private final RefusedEdits refusals = new RefusedEdits();
  private final ReplyComposer composer;
  private final long staffChat;
  private final Clock clock;
  private volatile Runnable wake = () -> {};

  public EditNotices(Database db, ReplyComposer composer, long staffChat, Clock clock) {
    this.db = db;
    this.outbox = new OutboxStore(db);
    this.composer = composer;
    this.staffChat = staffChat;
    this.clock = clock;
  }

  /** Called after a notice was queued (the sender's wake-up), once the sender exists. */
  public void wakeWith(Runnable r) {
    wake = r == null ? () -> {} : r;
  }

  @Override
  public void refused(String file, String content, List<Problem> problems) {
    String hash = sha256(content);
    Instant now = clock.instant();
    try {
      boolean announce = db.inTransaction(c -> {
        boolean first = refusals.firstTime(c, file, hash, now);
        if (first) queue(c, refusedText(file, problems), now);
        return first;
      });
      if (announce) {
        LOG.info("refused edit of {} announced in the staff chat", file);
        wake.run();
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not announce the refused edit of {} in the staff chat: {}", file, e.toString());
    }
  }

  @Override
  public void published(String file, int version) {
    Instant now = clock.instant();
    try {
      boolean fixed = db.inTransaction(c -> {
        boolean was = refusals.clear(c, file);
        if (was) queue(c, fixedText(file, version), now);
        return was;
      });
      if (fixed) wake.run();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("could not announce that {} is fixed: {}", file, e.toString());
    }
  }

  /** Indonesian first, then English; every piece from the file is escaped. */
  static String refusedText(String file, List<Problem> problems) {
    String f = "<code>" + Html.esc(file) + "</code>";
    int n = problems.size();
    StringBuilder b = new StringBuilder();
    b.append("⚠️ <b>Perubahan skrip tidak diterbitkan.</b> ").append(f).append(" punya ").append(n)
        .append(" masalah; versi terakhir yang baik tetap berjalan untuk keluarga.\n");
    b.append("<i>Script edit not published: ").append(f).append(" has ").append(n).append(n == 1 ? " problem" : " problems")
        .append("; the last good version keeps running.</i>\n");
    for (int i = 0; i < Math.min(SHOWN, n); i++) {
      b.append("• <code>").append(Html.esc(Html.clip(problems.get(i).toString(), 300))).append("</code>\n");
    }
    if (n > SHOWN) b.append("… dan ").append(n - SHOWN).append(" lainnya / and ").append(n - SHOWN).append(" more\n");
    b.append("Perbaiki berkasnya (cek dengan <code>pintu validate</code>). / Fix the file (check it with <code>pintu validate</code>).");
    return Html.clip(b.toString(), 4000);
  }

  static String fixedText(String file, int version) {
    String f = "<code>" + Html.esc(file) + "</code>";
    String v = version > 0 ? " sebagai versi " + version : "";
    String ve = version > 0 ? " as version " + version : "";
    return "✅ " + f + " sudah diperbaiki dan diterbitkan" + v + ".\n<i>" + f + " is fixed and published" + ve + ".</i>";
  }

  private void queue(Connection c, String html, Instant now) throws SQLException {
    OutboundMessage m = composer.of(SendMessage.builder().chatId(staffChat).text(html).parseMode("HTML").build(), false);
    outbox.add(c, staffChat, null, m.method(), m.payload(), m.optional(), now);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
