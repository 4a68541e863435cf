package id.pintu.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pintu.store.DeskStore;
import id.pintu.store.DeskStore.DeskCase;
import id.pintu.store.OutboxStore;
import id.pintu.telegram.Sender;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;

/**
 * One forum topic per handed-off case. The topic is created through the outbox
 * (createForumTopic in the staff chat) in the same transaction as the handoff, followed by
 * the handover card addressed to a pending thread. When Telegram answers createForumTopic,
 * {@link #accepted} records the thread id on the case, in the transaction that marks the call sent; every later staff-chat row of the
 * case leaves after it (one chat, strict order) and {@link #prepare} fills the thread in.
 */
final class CaseTopics implements Sender.Hooks {
  private static final Logger LOG = LoggerFactory.getLogger(CaseTopics.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeskStore store;
  private final DeskOutbox out;
  private final HandoverCard card;

  CaseTopics(DeskStore store, DeskOutbox out, HandoverCard card) {
    this.store = store;
    this.out = out;
    this.card = card;
  }

  /** Opens the case's topic with its card; false when it already has one (then it is told what changed). */
  boolean open(Connection c, DeskCase k, Instant now) throws SQLException {
    if (!store.requestTopic(c, k.id(), now)) return false;
    out.call(c, out.staffChat, k.id(), CreateForumTopic.builder().chatId(out.staffChat).name(card.topicName(k))
        .iconColor(k.urgent() ? 16478047 : 7322096).build(), false, now);
    out.htmlToTopic(c, k, card.text(k, store.firstEvent(c, k.id(), "consent"), now), HandoverCard.buttons(k.id(), k.flags() != null && k.flags().contains("\"crisis\"")), now);
    store.event(c, k.id(), null, null, "topic_requested", k.priority(), now);
    return true;
  }

  /** The case became urgent after its topic was opened: rename the topic and say so in it. */
  void escalated(Connection c, DeskCase k, Instant now) throws SQLException {
    if (k.topicThreadId() != null) {
      out.call(c, out.staffChat, k.id(), EditForumTopic.builder().chatId(out.staffChat).messageThreadId(k.topicThreadId())
          .name(card.topicName(k)).build(), true, now);
    }
    out.htmlToTopic(c, k, "⚠️ <b>Tanda bahaya baru</b> dalam pesan keluarga. Kasus ini sekarang URGENT.\n"
        + card.text(k, store.firstEvent(c, k.id(), "consent"), now), null, now);
    store.event(c, k.id(), null, null, "escalated", k.priority(), now);
  }

  @Override
  public String prepare(OutboxStore.Row row) throws Exception {
    if (row.chatId() != out.staffChat || row.caseId() == null || !row.payload().contains("\"message_thread_id\":" + DeskOutbox.TOPIC_PENDING)) {
      return row.payload();
    }
    ObjectNode p = (ObjectNode) JSON.readTree(row.payload());
    if (p.path("message_thread_id").asInt(-1) != DeskOutbox.TOPIC_PENDING) return row.payload();
    Integer thread = store.find(row.caseId()).map(DeskCase::topicThreadId).orElse(null);
    if (thread == null) {
      LOG.warn("case {} has no topic (creation failed?): sending to the staff chat's general topic", row.caseId());
      p.remove("message_thread_id");
    } else {
      p.put("message_thread_id", thread);
    }
    return JSON.writeValueAsString(p);
  }

  @Override
  public void accepted(Connection c, OutboxStore.Row row, Long resultId) throws Exception {
    if (row.caseId() != null && resultId != null && "createforumtopic".equals(row.method().toLowerCase(Locale.ROOT))) {
      store.topicCreated(c, row.caseId(), resultId.intValue());
    }
  }
}
