package id.pintu.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.store.InboxStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where every transport hands over updates: they are stored in the inbox (a redelivered
 * update_id is a no-op), and only then acknowledged and dispatched to their chat's lane.
 */
public final class Inbound {
  private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

  private final InboxStore inbox;
  private final StoredUpdates dispatcher;
  private final ObjectMapper json;
  private final Clock clock;

  public Inbound(InboxStore inbox, StoredUpdates dispatcher, ObjectMapper json, Clock clock) {
    this.inbox = inbox;
    this.dispatcher = dispatcher;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Stores the updates, dispatches the new ones and returns once they are durable. Throws
   * when the store fails: the caller must then not acknowledge the updates to Telegram.
   * Processing starts before the write-out: it is on the same group commit, and nothing it
   * causes leaves before its own state is written out.
   *
   * @return how many were new
   */
  public int accept(List<Update> updates) throws SQLException {
    Instant now = clock.instant();
    List<InboxStore.Row> rows = new ArrayList<>(updates.size());
    java.util.Map<Long, Update> read = new java.util.HashMap<>();
    for (Update u : updates) {
      if (u == null || u.getUpdateId() == null) continue;
      rows.add(row(u, now));
      if (!(u instanceof UnreadableUpdate)) read.put((long) u.getUpdateId(), u);
    }
    List<InboxStore.Row> added = inbox.addAll(rows);
    dispatcher.dispatch(added, read); // read once: the lanes need not parse the stored JSON again
    inbox.awaitWritten();
    return added.size();
  }

  /** An update stored as received; one that names no chat is kept but set aside. */
  private InboxStore.Row row(Update u, Instant now) {
    String payload;
    if (u instanceof UnreadableUpdate raw) {
      LOG.warn("update {} could not be read; kept and skipped", u.getUpdateId());
      return new InboxStore.Row(u.getUpdateId(), 0, raw.raw(), InboxStore.REJECTED, now, 0);
    }
    try {
      payload = json.writeValueAsString(u);
    } catch (JsonProcessingException e) {
      payload = "{\"update_id\":" + u.getUpdateId() + "}";
    }
    long chat = UpdateReader.chatOf(u);
    if (chat == 0) {
      LOG.info("update {} names no chat (type not handled); kept and skipped", u.getUpdateId());
      return new InboxStore.Row(u.getUpdateId(), 0, payload, InboxStore.REJECTED, now, 0);
    }
    return new InboxStore.Row(u.getUpdateId(), chat, payload, InboxStore.PENDING, now, 0);
  }
}
