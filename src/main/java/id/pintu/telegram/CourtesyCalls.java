package id.pintu.telegram;

import java.util.List;

/**
 * Where a family chat's courtesy calls go once the step that caused them is committed:
 * stopping the spinner on a pressed button, taking an answered question's buttons away.
 * They carry nothing a family would miss after a crash (the press itself is in the inbox
 * and is processed again), so they are sent from memory instead of through the outbox.
 */
public interface CourtesyCalls {
  /** Sends these calls to {@code chatId} soon; never blocks and never fails the caller. */
  void send(long chatId, List<OutboundMessage> calls);
}
