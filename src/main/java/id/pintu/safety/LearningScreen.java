package id.pintu.safety;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's screen while it starts: the lexicon's frames at once, the combined screen as
 * soon as the examples are learned. Learning thousands of examples takes seconds, and a start
 * that waited for it kept every family's first reply waiting too; a family who writes in those
 * seconds is screened by the frames alone (the screen of 2026-12-07), never not at all.
 */
public final class LearningScreen implements CrisisScreen {
  private static final Logger LOG = LoggerFactory.getLogger(LearningScreen.class);

  private final FrameScreen frames;
  private volatile CrisisScreen current;

  /** Starts {@code learner} on its own daemon thread; until it returns, {@code frames} screen. */
  LearningScreen(FrameScreen frames, Supplier<? extends CrisisScreen> learner, String what) {
    this.frames = frames;
    this.current = frames;
    Thread t = new Thread(() -> {
      long started = System.nanoTime();
      try {
        current = learner.get();
        LOG.info("crisis screen: {} learned in {} ms; until then the frames alone screened", what, (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException | Error e) {
        LOG.error("crisis screen: learning {} failed ({}); the frames alone screen", what, e.toString());
      }
    }, "pintu-examples");
    t.setDaemon(true);
    t.start();
  }

  /** Whether the examples are in use yet (for readiness details and tests). */
  public boolean learned() {
    return current != frames;
  }

  @Override
  public ScreenResult screen(String text) {
    return current.screen(text);
  }

  @Override
  public Screened screen(String text, RiskMemory memory) {
    return current.screen(text, memory);
  }
}
