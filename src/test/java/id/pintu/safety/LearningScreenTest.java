package id.pintu.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The service's screen while it starts: the frames at once, the examples once they are learned. */
class LearningScreenTest {
  // Strangling and a blocked door: no frame has these words; the examples know them as danger now.
  static final String ONLY_THE_EXAMPLES_SEE = "suamiku barusan nyekik leherku sampe aku susah napas, dia masih di ruang tamu";

  @Test
  void theFramesScreenUntilTheExamplesAreLearnedThenTheCombinedScreen() throws Exception {
    CombinedScreen combined = CrisisScreens.forDialogs(Path.of("dialogs"));
    CountDownLatch learning = new CountDownLatch(1);
    LearningScreen s = new LearningScreen(combined.frames(), () -> {
      try {
        learning.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return combined;
    }, "the test's examples");
    assertFalse(s.learned());
    assertEquals(RiskLevel.URGENT, s.screen("aku mau bunuh diri malam ini").level(), "the frames screen from the first message");
    assertEquals(RiskLevel.NONE, s.screen(ONLY_THE_EXAMPLES_SEE).level(), "not yet the examples");
    learning.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!s.learned() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(s.learned());
    assertEquals(RiskLevel.URGENT, s.screen(ONLY_THE_EXAMPLES_SEE).level(), "the examples, once learned");
  }

  @Test
  void aFailedLearningLeavesTheFramesScreening() throws Exception {
    FrameScreen frames = FrameScreen.loadDefault();
    LearningScreen s = new LearningScreen(frames, () -> {
      throw new IllegalStateException("out of memory, say");
    }, "broken examples");
    Thread.sleep(100);
    assertFalse(s.learned());
    assertEquals(RiskLevel.URGENT, s.screen("aku mau bunuh diri malam ini").level());
  }
}
