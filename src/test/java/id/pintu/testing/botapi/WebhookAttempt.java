package id.pintu.testing.botapi;

import java.time.Instant;

/**
 * One try of the double to deliver an update to the webhook.
 *
 * @param status the HTTP status the webhook answered, 0 when the connection failed
 * @param error  what went wrong, null on a 2xx
 */
public record WebhookAttempt(int updateId, int status, String error, Instant at) {
  public boolean delivered() {
    return status >= 200 && status < 300;
  }
}
