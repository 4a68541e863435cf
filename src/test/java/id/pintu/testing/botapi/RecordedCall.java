package id.pintu.testing.botapi;

import java.time.Instant;

/**
 * One request the double received, as it was answered.
 *
 * @param seq        arrival order, starting at 1
 * @param method     canonical method name (e.g. {@code sendMessage}), as sent if unknown
 * @param paramsJson the request parameters as a JSON object (form fields are folded in)
 * @param at         arrival time
 * @param chatId     the {@code chat_id} parameter when numeric, else null
 * @param status     HTTP status answered; {@link #NO_ANSWER} when the request was held
 *                   forever, {@link #DROPPED} when the connection was closed instead
 * @param description Telegram's {@code description} for an error answer, else null
 */
public record RecordedCall(long seq, String method, String paramsJson, Instant at, Long chatId,
                           int status, String description) {
  public static final int NO_ANSWER = 0;
  public static final int DROPPED = -1;

  public boolean ok() {
    return status == 200;
  }
}
