package id.pintu.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Telegram's pace follows real (monotonic) time, whatever the service's clock says. */
class SendPaceTest {
  private static final PintuConfig.Sending LIMITS = new PintuConfig.Sending(3, 1.0, 20, 30.0, 60, 8, 250);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final SendPace pace = new SendPace(LIMITS, nanos::get);
  private final Instant frozen = Instant.parse("2026-01-05T02:00:00Z");

  @Test
  void aChatGetsItsBurstThenOneASecondEvenWhenTheServiceClockStandsStill() {
    for (int i = 0; i < 3; i++) assertTrue(pace.tryTake(42, true, frozen), "burst message " + (i + 1));
    assertFalse(pace.tryTake(42, true, frozen), "a fourth at once is too fast for Telegram");
    nanos.addAndGet(1_050_000_000L);
    assertTrue(pace.tryTake(42, true, frozen), "a second later the chat may have one more");
    assertFalse(pace.tryTake(42, true, frozen));
  }

  @Test
  void aServiceClockThatJumpsAheadReleasesNoExtraBurst() {
    for (int i = 0; i < 3; i++) assertTrue(pace.tryTake(7, true, frozen));
    assertFalse(pace.tryTake(7, true, frozen.plusSeconds(3600)), "an hour on the service clock is not an hour for Telegram");
  }

  @Test
  void aGroupGetsTwentyAMinuteAndA429PauseHoldsTheChat() {
    for (int i = 0; i < 20; i++) assertTrue(pace.tryTake(-100, true, frozen));
    assertFalse(pace.tryTake(-100, true, frozen));
    pace.pause(9, frozen.plusSeconds(5));
    assertFalse(pace.tryTake(9, true, frozen.plusSeconds(4)));
    assertTrue(pace.tryTake(9, true, frozen.plusSeconds(6)));
  }
}
