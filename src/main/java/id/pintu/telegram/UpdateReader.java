package id.pintu.telegram;

import id.pintu.dialog.Input;
import id.pintu.dialog.VisibleText;
import java.util.List;
import java.util.Locale;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

/** Translates a Telegram update into what the engine and the transcript need. Never throws. */
public final class UpdateReader {
  private UpdateReader() {}

  /** The chat an update belongs to, or 0 when it names none (polls, inline queries, ...). */
  public static long chatOf(Update u) {
    try {
      if (u.getMessage() != null) return u.getMessage().getChatId();
      if (u.getEditedMessage() != null) return u.getEditedMessage().getChatId();
      if (u.getCallbackQuery() != null && u.getCallbackQuery().getMessage() != null) {
        return u.getCallbackQuery().getMessage().getChatId();
      }
    } catch (RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** The update as engine input, or null when it is nothing a conversation should react to. */
  public static Incoming read(Update u) {
    long id = u.getUpdateId() == null ? 0 : u.getUpdateId();
    if (u.getMessage() != null) return message(id, u.getMessage(), false);
    if (u.getEditedMessage() != null) return message(id, u.getEditedMessage(), true);
    if (u.getCallbackQuery() != null) return button(id, u.getCallbackQuery());
    return null;
  }

  private static Incoming button(long id, CallbackQuery q) {
    MaybeInaccessibleMessage m = q.getMessage();
    if (m == null || m.getChatId() == null) return null;
    String lang = q.getFrom() == null ? null : q.getFrom().getLanguageCode();
    Long from = q.getFrom() == null ? null : q.getFrom().getId();
    boolean priv = m.getChat() == null || m.getChat().isUserChat();
    Integer thread = m instanceof Message msg ? msg.getMessageThreadId() : null;
    return new Incoming(id, m.getChatId(), priv, from, thread, new Input.Choice(q.getData()), "button", q.getData(), null,
        lang, q.getId(), m.getMessageId(), false, null);
  }

  private static Incoming message(long id, Message m, boolean edited) {
    String lang = m.getFrom() == null ? null : m.getFrom().getLanguageCode();
    Long from = m.getFrom() == null ? null : m.getFrom().getId();
    boolean priv = m.getChat() == null || m.getChat().isUserChat();
    Integer thread = Boolean.TRUE.equals(m.getIsTopicMessage()) ? m.getMessageThreadId() : null;
    // What the family wrote, without what should not travel (bidi overrides, invisible and
    // control characters): before the engine, the screen, the transcript or anyone else sees it.
    String rawText = m.getText();
    String rawCaption = m.getCaption();
    String caption = VisibleText.clean(rawCaption);
    String written = VisibleText.clean(rawText);
    boolean cleaned = !java.util.Objects.equals(rawText, written) || !java.util.Objects.equals(rawCaption, caption);
    Input input;
    String kind;
    String text = null;
    String file = null;
    if (edited) {
      kind = "edited";
      text = m.hasText() ? written : caption;
      input = new Input.Unsupported("edited");
    } else if (m.hasText()) {
      text = written;
      kind = "text";
      input = command(text, lang);
    } else if (m.getContact() != null) {
      kind = "contact";
      text = m.getContact().getPhoneNumber();
      input = new Input.Contact(m.getContact().getPhoneNumber());
    } else {
      text = caption;
      if (m.getPhoto() != null && !m.getPhoto().isEmpty()) {
        kind = "photo";
        List<PhotoSize> sizes = m.getPhoto();
        file = sizes.get(sizes.size() - 1).getFileId();
      } else if (m.getSticker() != null) {
        kind = "sticker";
        file = m.getSticker().getFileId();
      } else if (m.getVoice() != null) {
        kind = "voice";
        file = m.getVoice().getFileId();
      } else if (m.getAudio() != null) {
        kind = "voice";
        file = m.getAudio().getFileId();
      } else if (m.getVideo() != null) {
        kind = "video";
        file = m.getVideo().getFileId();
      } else if (m.getVideoNote() != null) {
        kind = "video_note";
        file = m.getVideoNote().getFileId();
      } else if (m.getDocument() != null) {
        kind = "document";
        file = m.getDocument().getFileId();
      } else if (m.getLocation() != null) {
        kind = "location";
        text = m.getLocation().getLatitude() + "," + m.getLocation().getLongitude();
      } else {
        kind = "other";
      }
      input = new Input.Unsupported(kind);
    }
    return new Incoming(id, m.getChatId(), priv, from, thread, input, kind, text, file, lang, null, m.getMessageId(), cleaned,
        writtenAt(edited && m.getEditDate() != null ? m.getEditDate() : m.getDate()));
  }

  /** Telegram's date (seconds); null when missing or zero. */
  private static java.time.Instant writtenAt(Integer epochSeconds) {
    return epochSeconds == null || epochSeconds <= 0 ? null : java.time.Instant.ofEpochSecond(epochSeconds);
  }

  /** {@code /konselor@PintuBot arg} → Command("konselor", "arg"); {@code /start} → Start. */
  static Input command(String text, String lang) {
    String t = text.strip();
    if (!t.startsWith("/") || t.length() < 2) return new Input.Text(text);
    int sp = t.indexOf(' ');
    String head = sp < 0 ? t.substring(1) : t.substring(1, sp);
    String arg = sp < 0 ? null : t.substring(sp + 1).strip();
    int at = head.indexOf('@');
    if (at >= 0) head = head.substring(0, at);
    head = head.toLowerCase(Locale.ROOT);
    if (head.isEmpty() || !head.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) return new Input.Text(text);
    if (head.equals("start")) return new Input.Start(lang);
    return new Input.Command(head, arg);
  }
}
