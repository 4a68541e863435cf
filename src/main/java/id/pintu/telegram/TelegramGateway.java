package id.pintu.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.forum.CloseForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Executes stored Bot API calls with the library's client and classifies what happened. */
public final class TelegramGateway {
  private static final Map<String, Class<? extends BotApiMethod<?>>> METHODS = Map.of(
      "sendmessage", SendMessage.class,
      "answercallbackquery", AnswerCallbackQuery.class,
      "editmessagereplymarkup", EditMessageReplyMarkup.class,
      "editmessagetext", EditMessageText.class,
      "copymessage", CopyMessage.class,
      "forwardmessage", ForwardMessage.class,
      "sendchataction", SendChatAction.class,
      "createforumtopic", CreateForumTopic.class,
      "closeforumtopic", CloseForumTopic.class,
      "editforumtopic", EditForumTopic.class);

  private final TelegramClient client;
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public TelegramGateway(TelegramClient client) {
    this.client = client;
  }

  /** Registers another stored method type (e.g. the desk's forum calls). */
  public Delivery deliver(String method, String payload) {
    Class<? extends BotApiMethod<?>> type = METHODS.get(method.toLowerCase(Locale.ROOT));
    if (type == null) return new Delivery.Permanent(0, "unknown stored method " + method);
    BotApiMethod<?> call;
    try {
      call = json.readValue(payload, type);
    } catch (Exception e) {
      return new Delivery.Permanent(0, "stored call cannot be read: " + e.getClass().getSimpleName());
    }
    return execute(call);
  }

  public Delivery execute(BotApiMethod<?> call) {
    try {
      Serializable result = client.execute(call);
      Long id = null;
      if (result instanceof Message m) id = m.getMessageId() == null ? null : m.getMessageId().longValue();
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
