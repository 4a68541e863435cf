package id.pintu.telegram;

import id.pintu.store.InboxStore;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where {@link Inbound} hands the updates it has just stored: the conversation's inbox
 * dispatcher. An interface so that telegram needs nothing of conversation (no package cycles).
 */
public interface StoredUpdates {
  /**
   * Rows just stored, in the order they arrived, with the updates as the transport read them
   * ({@code read}, by update_id); returns how many were not queued yet.
   */
  int dispatch(List<InboxStore.Row> rows, Map<Long, Update> read);
}
