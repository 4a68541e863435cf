package id.pintu.store;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store. H2 writes commits to its file in the background; a
 * caller that must know its commit survives a killed process (an update about to be
 * acknowledged to Telegram, a reply about to leave) waits here for one write-out that
 * serves every caller waiting at that moment, instead of paying a write-out each.
 *
 * <p>Commits are counted ({@link #committed}); {@link #mark()} is a count such that every
 * commit visible to the caller is among the counted ones. A write-out reads the mark just
 * before it starts, so when it ends, every commit up to that mark is on disk. Waiting for a
 * mark that a write-out already covers costs nothing: a reply whose state was written out
 * with the acknowledgement of its update leaves without a second write-out.
 *
 * <p>One thread writes out, one write-out at a time. While the chats' lanes are still
 * working on updates just taken in ({@link #lingerWhile}), it waits a moment (at most
 * {@code lingerNanos}) so that the replies they are about to commit share the write-out.
 */
public final class GroupCommit implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

  /** Writes everything committed so far to the file (H2: CHECKPOINT). */
  @FunctionalInterface
  public interface WriteOut {
    void run() throws SQLException;
  }

  private final WriteOut writeOut;
  private final long lingerNanos;
  // Commits hold the read side; mark() takes the write side for a moment, so a mark never
  // runs ahead of a commit still in progress.
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final AtomicLong committed = new AtomicLong();
  private final Object lock = new Object();
  private long wanted;   // highest mark anyone waits for
  private long durable;  // every commit up to this mark is written out
  private long failures;
  private SQLException failure;
  private volatile BooleanSupplier busy = () -> false;
  private volatile boolean running = true;
  private final Thread thread;
  private final AtomicLong writeOuts = new AtomicLong();
  private final AtomicLong writeOutNanos = new AtomicLong();
  /** How long commits nobody asked to be written out wait before a write-out of their own. */
  private static final long UNASKED_AFTER_MILLIS = 20;

  public GroupCommit(WriteOut writeOut, long lingerNanos) {
    this.writeOut = writeOut;
    this.lingerNanos = lingerNanos;
    this.thread = new Thread(this::loop, "pintu-group-commit");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /**
   * Runs {@code commit} as a counted commit; returns its count: once {@link #await} of that
   * count returns, the commit is written out.
   */
  <E extends Exception> long commit(CommitAction<E> commit) throws E {
    long n;
    gate.readLock().lock();
    try {
      commit.run();
    } finally {
      // Counted even if it failed: a later write-out costs nothing. Counted under the read
      // side, so no mark is read between the commit and its count.
      n = committed.incrementAndGet();
      gate.readLock().unlock();
    }
    return n;
  }

  /** Every commit up to this mark is written out. */
  long durable() {
    synchronized (lock) {
      return durable;
    }
  }

  @FunctionalInterface
  interface CommitAction<E extends Exception> {
    void run() throws E;
  }

  /** A mark covering every commit that has returned (or is returning) before this call. */
  public long mark() {
    gate.writeLock().lock();
    try {
      return committed.get();
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** While {@code work} says updates are being processed, a write-out waits a moment for them. */
  public void lingerWhile(BooleanSupplier work) {
    this.busy = work == null ? () -> false : work;
  }

  /** Returns once every commit up to {@code mark} is written out. */
  public void await(long mark) throws SQLException {
    synchronized (lock) {
      if (durable >= mark) return;
      long failuresBefore = failures;
      if (mark > wanted) {
        wanted = mark;
        lock.notifyAll();
      }
      while (durable < mark) {
        if (failures > failuresBefore) throw new SQLException("the store could not be written out: " + failure.getMessage(), failure);
        if (!running) throw new SQLException("the store is closing");
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for the store to be written out", e);
        }
      }
    }
  }

  /**
   * Asks for a write-out of every commit up to {@code mark} as soon as the thread is free, and
   * returns at once (a "sent" mark: nobody needs to wait for it, but until it is on disk a
   * killed process would send its message again).
   */
  public void request(long mark) {
    synchronized (lock) {
      if (mark > wanted) {
        wanted = mark;
        lock.notifyAll();
      }
    }
  }

  private void loop() {
    long backoff = 100;
    while (running) {
      synchronized (lock) {
        long unasked = 0; // commits nobody waited for, seen at the last look
        while (running && wanted <= durable) {
          try {
            lock.wait(UNASKED_AFTER_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
          // Commits nobody waits for (e.g. "sent" marks) are written out after a moment anyway,
          // a few at a time: left for the next caller, they pile up into one long write-out
          // that caller would wait for. Only those seen at the previous look: at least that old.
          if (wanted > durable) break;
          if (unasked > durable) break;
          unasked = committed.get();
        }
        if (!running) return;
      }
      linger();
      long mark = mark();
      long started = System.nanoTime();
      try {
        writeOut.run();
        writeOuts.incrementAndGet();
        writeOutNanos.addAndGet(System.nanoTime() - started);
        synchronized (lock) {
          durable = Math.max(durable, mark);
          lock.notifyAll();
        }
        backoff = 100;
      } catch (SQLException | RuntimeException e) {
        LOG.warn("store write-out failed (next try in {} ms): {}", backoff, e.toString());
        synchronized (lock) {
          failures++;
          failure = e instanceof SQLException s ? s : new SQLException(e);
          lock.notifyAll();
        }
        pause(backoff); // a full or broken disk: try again, less and less often, up to every 5 s
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private void linger() {
    if (lingerNanos <= 0) return;
    long until = System.nanoTime() + lingerNanos;
    while (running && busy.getAsBoolean() && System.nanoTime() < until) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000);
    }
  }

  private static void pause(long ms) {
    try {
      TimeUnit.MILLISECONDS.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Write-outs done so far. */
  public long writeOuts() {
    return writeOuts.get();
  }

  /** Time spent writing out so far, in seconds. */
  public double writeOutSeconds() {
    return writeOutNanos.get() / 1e9;
  }

  @Override
  public void close() {
    running = false;
    synchronized (lock) {
      lock.notifyAll();
    }
    // Not interrupted: an interrupt inside H2's file write would close its file channel.
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
