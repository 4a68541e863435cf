package id.pintu.telegram;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Executes stored Bot API calls with the library's client and classifies what happened. */
public final class TelegramGateway {
  /** The calls Pintu stores (lower case; Telegram's method names ignore case). */
  private static final Set<String> METHODS = Set.of("sendmessage", "answercallbackquery", "editmessagereplymarkup",
      "editmessagetext", "copymessage", "forwardmessage", "sendchataction", "createforumtopic", "closeforumtopic",
      "editforumtopic");

  private final TelegramClient client;

  public TelegramGateway(TelegramClient client) {
    this.client = client;
  }

  /** Sends a stored call (its method and JSON body as the outbox holds them). */
  public Delivery deliver(String method, String payload) {
    if (!METHODS.contains(method.toLowerCase(Locale.ROOT))) return new Delivery.Permanent(0, "unknown stored method " + method);
    if (payload == null || !payload.startsWith("{")) return new Delivery.Permanent(0, "stored call cannot be read");
    return execute(new StoredCall(method, payload));
  }

  public Delivery execute(BotApiMethod<?> call) {
    try {
      Serializable result = CallingThreadDispatch.run(() -> client.execute(call));
      Long id = null;
      if (result instanceof StoredCall.Sent sent) id = sent.id();
      else if (result instanceof Message m) id = m.getMessageId() == null ? null : m.getMessageId().longValue();
      else if (result instanceof MessageId mid) id = mid.getMessageId();
      else if (result instanceof ForumTopic t) id = t.getMessageThreadId() == null ? null : t.getMessageThreadId().longValue();
      return new Delivery.Accepted(id);
    } catch (TelegramApiRequestException e) {
      Integer code = e.getErrorCode();
      if (code != null && code == 429) {
        Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        return new Delivery.RetryAfter(after == null || after < 1 ? 1 : after);
      }
      if (code != null && (code == 400 || code == 403 || code == 404 || code == 401)) {
        return new Delivery.Permanent(code, e.getApiResponse());
      }
      return new Delivery.Transient("http " + code);
    } catch (TelegramApiException e) {
      return new Delivery.Transient(e.getClass().getSimpleName() + (e.getCause() == null ? "" : ": " + e.getCause().getClass().getSimpleName()));
    } catch (RuntimeException e) {
      return new Delivery.Transient(e.getClass().getSimpleName());
    }
  }
}
