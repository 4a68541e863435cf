package id.pintu.telegram;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * An update whose JSON did not fit Telegram's object model. It keeps its update_id, so
 * polling moves past it instead of fetching it forever, and its raw text for the record.
 */
public final class UnreadableUpdate extends Update {
  private final String raw;

  public UnreadableUpdate(int updateId, String raw) {
    setUpdateId(updateId);
    this.raw = raw;
  }

  @JsonIgnore
  public String raw() {
    return raw;
  }
}
