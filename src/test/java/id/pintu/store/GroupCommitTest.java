package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's group commit: shared write-outs, and failures reported to those waiting. */
class GroupCommitTest {
  @TempDir Path dir;

  @Test
  void manyWaitersShareWriteOutsAndNothingNewMeansNoWriteOut() throws Exception {
    try (TestStore store = TestStore.fresh(TestStore.Kind.H2, dir.resolve("h2"));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 8), TestStore.testKeys())) {
      InboxStore inbox = new InboxStore(db);
      int families = 40;
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < families; i++) {
        long update = 1_000 + i;
        done.add(pool.submit(() -> {
          go.await();
          inbox.addAll(List.of(new InboxStore.Row(update, 500 + update, "{\"update_id\":" + update + "}", InboxStore.PENDING, Instant.now(), 0)));
          inbox.awaitWritten(); // as before acknowledging the update to Telegram
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
      pool.shutdown();
      long writeOuts = db.writeOuts();
      assertTrue(writeOuts >= 1, "the acknowledged updates were written out");
      assertTrue(writeOuts < families, writeOuts + " write-outs for " + families + " waiters: they were not shared");
      assertEquals(families, inbox.backlog(), "every update is in the inbox");

      db.flush();
      db.flush();
      assertEquals(writeOuts, db.writeOuts(), "nothing committed since: no write-out needed");
    }
  }

  @Test
  void aFailedWriteOutIsReportedToThoseWaitingAndTheNextOneServes() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    try (GroupCommit group = new GroupCommit(() -> {
      if (attempts.incrementAndGet() == 1) throw new SQLException("No space left on device");
    }, 0)) {
      group.commit(() -> {});
      SQLException e = assertThrows(SQLException.class, () -> group.await(group.mark()));
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      group.await(group.mark()); // the disk has room again: the same commit is written out now
      assertEquals(2, attempts.get());
      assertEquals(1, group.writeOuts());
    }
  }

  @Test
  void commitsNobodyWaitsForAreWrittenOutAfterAMoment() throws Exception {
    AtomicInteger writeOuts = new AtomicInteger();
    try (GroupCommit group = new GroupCommit(writeOuts::incrementAndGet, 0)) {
      long count = group.commit(() -> {}); // e.g. the "sent" mark of a reply
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (group.durable() < count && System.nanoTime() < deadline) Thread.sleep(5);
      assertTrue(group.durable() >= count, "written out without anyone asking");
      assertEquals(1, writeOuts.get());
      Thread.sleep(100);
      assertEquals(1, writeOuts.get(), "nothing new: no further write-out");
    }
  }

  @Test
  void theCommitThatMadeAReplyIsWrittenOutBeforeTheReplyMayLeave() throws Exception {
    try (TestStore store = TestStore.fresh(TestStore.Kind.H2, dir.resolve("h2r"));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 4), TestStore.testKeys())) {
      OutboxStore outbox = new OutboxStore(db);
      db.inTransaction(c -> outbox.add(c, 7, null, "sendMessage", "{\"chat_id\":7,\"text\":\"Halo\"}", false, Instant.now()));
      outbox.awaitWritten(List.of(7L));
      long writtenOut = db.writeOuts();
      assertTrue(writtenOut >= 1, "the reply's commit was written out before it may leave");
      // Which commits a reply needs, and not later ones: ReplyCommitsTest. Here: each chat's own is found.
      db.inTransaction(c -> outbox.add(c, 8, null, "sendMessage", "{\"chat_id\":8,\"text\":\"Halo\"}", false, Instant.now()));
      outbox.awaitWritten(List.of(8L));
      assertTrue(db.writeOuts() > writtenOut, "chat 8's reply waited for its own commit's write-out");
    }
  }

  @Test
  void postgresCommitsAreDurableWithoutAWriteOut() throws Exception {
    try (TestStore store = TestStore.fresh(TestStore.Kind.POSTGRES, dir.resolve("pg"));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 2), TestStore.testKeys())) {
      new InboxStore(db).addAll(List.of(new InboxStore.Row(7, 8, "{\"update_id\":7}", InboxStore.PENDING, Instant.now(), 0)));
      db.flush();
      assertEquals(0, db.writeOuts());
    }
  }
}
