package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a conversation stands as far as the bot is concerned. */
public enum ConversationStatus {
  /** The bot's script is running. */
  ACTIVE,
  /** A counselor has been asked for; the script is silent except for the crisis screen. */
  HANDED_OFF,
  /** Finished (end node or the family stopped); the next message starts afresh. */
  ENDED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ConversationStatus parse(String s) {
    return ConversationStatus.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
