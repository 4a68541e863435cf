package id.pintu.dialog;

/** What the family did, already translated out of Telegram's types by the transport. */
public sealed interface Input {
  /** A new conversation ({@code /start}, or the first message ever). */
  record Start(String languageHint) implements Input {}

  /** Free text the family wrote. Always goes through the crisis screen. */
  record Text(String text) implements Input {}

  /** A button press; {@code data} is the button's callback data. */
  record Choice(String data) implements Input {}

  /** A shared phone contact. */
  record Contact(String phone) implements Input {}

  /** A command such as {@code /konselor}, without the slash, lower case. */
  record Command(String name, String argument) implements Input {}

  /** Something the bot cannot read (sticker, photo, voice, document, location...). */
  record Unsupported(String what) implements Input {}
}
