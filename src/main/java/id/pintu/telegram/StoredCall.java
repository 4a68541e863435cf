package id.pintu.telegram;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.Serializable;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * A Bot API call as the outbox stored it, sent by the library's client as it is. The JSON was
 * written from the library's own method object when the reply was composed (and checked
 * then), so reading it back into that object only for the client to write it out again is
 * wasted work; so is reading Telegram's answer into a full {@code Message} when all Pintu
 * keeps of it is the id. Both were about two fifths of the send path's CPU under load.
 * Telegram's refusals are read by the library as before ({@link TelegramApiRequestException}).
 */
final class StoredCall extends BotApiMethod<StoredCall.Sent> {
  private static final JsonFactory JSON = new JsonFactory();

  /** What Telegram made: a message's id, a topic's thread id, or nothing (e.g. a button answered). */
  record Sent(Long id) implements Serializable {}

  private final String method;
  private final String payload;

  StoredCall(String method, String payload) {
    this.method = method;
    this.payload = payload;
  }

  @Override
  public String getMethod() {
    return method;
  }

  /** The body the client posts: the stored JSON itself. */
  @JsonValue
  RawValue body() {
    return new RawValue(payload);
  }

  @Override
  public void validate() {
    // Checked when composed (the library's builders); Telegram answers anything else with a 400.
  }

  @Override
  public Sent deserializeResponse(String answer) throws TelegramApiRequestException {
    Sent sent = accepted(answer);
    if (sent != null) return sent;
    // Refused (or unreadable): the library reads the error code and retry_after as usual.
    deserializeResponse(answer, Sent.class);
    throw new TelegramApiRequestException("unreadable answer to " + method);
  }

  /** The id in an {@code "ok": true} answer, or null when the answer is anything else. */
  static Sent accepted(String answer) {
    try (JsonParser p = JSON.createParser(answer)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      boolean ok = false;
      Long id = null;
      boolean hasResult = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("ok".equals(field)) {
          ok = value == JsonToken.VALUE_TRUE;
        } else if ("result".equals(field)) {
          hasResult = true;
          if (value == JsonToken.START_OBJECT) id = idIn(p);
          else p.skipChildren();
        } else {
          p.skipChildren();
        }
      }
      return ok && hasResult ? new Sent(id) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** A message's {@code message_id}, else a topic's {@code message_thread_id}; the parser ends on the object's end. */
  private static Long idIn(JsonParser p) throws IOException {
    Long messageId = null;
    Long threadId = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NUMBER_INT && "message_id".equals(field)) messageId = p.getLongValue();
      else if (value == JsonToken.VALUE_NUMBER_INT && "message_thread_id".equals(field)) threadId = p.getLongValue();
      else p.skipChildren();
    }
    return messageId != null ? messageId : threadId;
  }
}
