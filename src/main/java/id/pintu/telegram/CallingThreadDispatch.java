package id.pintu.telegram;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Dispatcher;

/**
 * Lets a thread that is going to wait for a Bot API call anyway make the call itself.
 *
 * <p>The library's client sends every call through OkHttp's asynchronous dispatcher and waits
 * for the answer: each call is handed to a dispatcher thread, which wakes the waiting thread
 * again when Telegram answered. Under load those two hand-offs per call (a futex wake each
 * way) were about a quarter of the HTTP client's CPU. Inside {@link #run}, the first call the
 * dispatcher starts runs on the calling thread; any other (one queued behind OkHttp's
 * per-host limit, or one another thread enqueued at the same moment) goes to an ordinary
 * pool, exactly as without this class. Nothing else changes: same client, same timeouts,
 * same answers and errors.
 */
public final class CallingThreadDispatch extends AbstractExecutorService {
  private static final ThreadLocal<Boolean> INLINE = new ThreadLocal<>();

  private final ExecutorService pool;

  private CallingThreadDispatch(ExecutorService pool) {
    this.pool = pool;
  }

  /**
   * An OkHttp dispatcher whose calls may run on the threads that wait for them, allowing
   * {@code perHost} calls at a time to one host (OkHttp's default of 5 would queue the
   * sender's workers behind each other).
   */
  public static Dispatcher dispatcher(int perHost) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "OkHttp Dispatcher " + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Dispatcher d = new Dispatcher(new CallingThreadDispatch(pool));
    d.setMaxRequests(Math.max(64, perHost));
    d.setMaxRequestsPerHost(perHost);
    return d;
  }

  /** Runs {@code work}; the first call it makes through such a dispatcher runs on this thread. */
  public static <T, E extends Exception> T run(ThrowingSupplier<T, E> work) throws E {
    INLINE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      INLINE.remove();
    }
  }

  /** A {@link Supplier} that may throw. */
  @FunctionalInterface
  public interface ThrowingSupplier<T, E extends Exception> {
    T get() throws E;
  }

  @Override
  public void execute(Runnable call) {
    if (INLINE.get() == Boolean.TRUE) {
      // Once only: a call OkHttp starts when this one finishes is another thread's.
      INLINE.remove();
      call.run();
    } else {
      pool.execute(call);
    }
  }

  @Override
  public void shutdown() {
    pool.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return pool.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return pool.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return pool.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return pool.awaitTermination(timeout, unit);
  }
}
