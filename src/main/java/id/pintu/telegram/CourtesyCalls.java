package id.pintu.telegram;

import java.util.List;

/**
 * Where a family chat's answers to button presses go once the step that caused them is
 * committed: stopping the spinner on a pressed button. Telegram takes such an answer for a
 * short time only, so they are sent from memory, tried again through an outage while they are
 * still useful, instead of through the outbox. (Removing an answered question's buttons is
 * stored like a reply.)
 */
public interface CourtesyCalls {
  /** Sends these calls to {@code chatId} soon; never blocks and never fails the caller. */
  void send(long chatId, List<OutboundMessage> calls);
}
