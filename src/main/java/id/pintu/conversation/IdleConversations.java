package id.pintu.conversation;

import id.pintu.config.PintuConfig;
import id.pintu.dialog.ConversationStatus;
import id.pintu.dialog.Effect;
import id.pintu.dialog.SessionState;
import id.pintu.dialog.Text;
import id.pintu.store.CaseStore;
import id.pintu.store.ChatTurns;
import id.pintu.store.Database;
import id.pintu.store.SessionStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations the family left mid-way: one gentle reminder after a while, then a kind
 * close. Each chat is handled in its own lane, so it never races the family's next message.
 */
public final class IdleConversations {
  private static final Logger LOG = LoggerFactory.getLogger(IdleConversations.class);

  static final Text REMINDER = Text.of(
      "Halo, saya masih di sini. Kalau Anda ingin melanjutkan, cukup balas pesan ini kapan saja Anda siap. Tidak perlu terburu-buru.",
      "Hello, I'm still here. If you'd like to continue, just reply whenever you're ready. There's no rush.");
  static final Text CLOSED = Text.of(
      "Percakapan ini kami tutup dulu karena belum ada balasan. Kapan pun Anda butuh, ketik /start dan kami akan menemani Anda lagi.",
      "We're closing this conversation for now as we haven't heard back. Whenever you need us, type /start and we'll be with you again.");

  private final Database db;
  private final SessionStore sessions;
  private final CaseStore cases;
  private final ConversationProcessor processor;
  private final ChatLanes lanes;
  private final PintuConfig.Sessions cfg;
  private final Clock clock;
  private final SessionCodec codec = new SessionCodec();

  public IdleConversations(Database db, ConversationProcessor processor, ChatLanes lanes, PintuConfig.Sessions cfg, Clock clock) {
    this.db = db;
    this.sessions = new SessionStore(db);
    this.cases = new CaseStore(db);
    this.processor = processor;
    this.lanes = lanes;
    this.cfg = cfg;
    this.clock = clock;
  }

  /** Finds silent conversations and queues each in its lane. Called periodically. */
  public void sweep() {
    Instant now = clock.instant();
    Instant remindBefore = now.minus(Duration.ofMinutes(cfg.reminderAfterMinutes()));
    try {
      for (long chat : sessions.silentSince(ConversationStatus.ACTIVE.wire(), remindBefore, 500)) {
        lanes.submit(chat, () -> nudge(chat));
      }
    } catch (SQLException e) {
      LOG.warn("idle sweep skipped: {}", e.getMessage());
    }
  }

  void nudge(long chatId) {
    Instant now = clock.instant();
    Instant remindBefore = now.minus(Duration.ofMinutes(cfg.reminderAfterMinutes()));
    Instant closeBefore = now.minus(Duration.ofMinutes(cfg.closeAfterMinutes()));
    try {
      SessionState[] idleClosed = new SessionState[1];
      SessionStore.Row saved = db.inTransaction(c -> {
        ChatTurns.hold(db, c, chatId); // on a shared store the family may be writing via another node
        Optional<SessionStore.Row> found = sessions.find(c, chatId);
        if (found.isEmpty()) return null;
        SessionStore.Row r = found.get();
        SessionState s = codec.read(r.state());
        if (s.status() != ConversationStatus.ACTIVE || !r.lastFamilyAt().isBefore(remindBefore)) return null;
        if (r.lastFamilyAt().isBefore(closeBefore)) {
          SessionState ended = s.withStatus(ConversationStatus.ENDED);
          processor.enqueue(c, chatId, r.caseId(), new Effect.Send(CLOSED.in(s.lang())), now);
          if (r.caseId() != null) cases.close(c, r.caseId(), "no_response", now);
          SessionStore.Row next = new SessionStore.Row(chatId, codec.write(ended), ended.status().wire(), r.caseId(),
              r.startedAt(), r.lastFamilyAt(), r.reminded(), r.unreachable());
          sessions.save(c, next, now);
          idleClosed[0] = s;
          return next;
        }
        if (r.reminded()) return null;
        processor.enqueue(c, chatId, r.caseId(), new Effect.Send(REMINDER.in(s.lang())), now);
        SessionStore.Row next = new SessionStore.Row(chatId, r.state(), r.status(), r.caseId(), r.startedAt(),
            r.lastFamilyAt(), true, r.unreachable());
        sessions.save(c, next, now);
        return next;
      });
      if (saved != null) {
        processor.remember(saved);
        processor.outboxChanged();
        if (idleClosed[0] != null) processor.closedIdle(chatId, idleClosed[0]);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("idle check for chat {} failed: {}", chatId, e.toString());
    }
  }
}
