package id.pintu.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import id.pintu.store.CaseStore;
import id.pintu.store.Database;
import id.pintu.store.DeskStore;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskStoreTest {
  @TempDir Path dir;
  TestStore store;
  Database db;
  CaseStore cases;
  DeskStore desk;
  final Instant t0 = Instant.parse("2025-11-03T02:00:00Z");

  @BeforeEach
  void open() throws Exception {
    store = TestStore.fresh(dir.resolve("desk"));
    db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 8), TestStore.testKeys());
    assertEquals(store.postgres(), db.postgres(), "the store this run asked for");
    cases = new CaseStore(db);
    desk = new DeskStore(db);
  }

  @AfterEach
  void close() throws Exception {
    try {
      db.close();
    } finally {
      store.close();
    }
  }

  boolean tx(Database.TxWork<Boolean> w) throws Exception {
    return db.inTransaction(w);
  }

  long waitingCase(long chat, String priority, Instant at) throws Exception {
    return db.inTransaction(c -> {
      long id = cases.open(c, chat, "id", "first-contact", null, at);
      cases.handOff(c, id, "general", priority, "test", at);
      return id;
    });
  }

  @Test
  void twoCounselorsClaimingAtTheSameMomentAHundredTimesOneWinsEachTime() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < 100; i++) {
        long id = waitingCase(7000 + i, "normal", t0);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Boolean>> tries = List.of(501L, 502L).stream().map(u -> pool.submit(() -> {
          together.await();
          return db.inTransaction(c -> desk.claim(c, id, u, t0));
        })).toList();
        int wins = 0;
        for (Future<Boolean> f : tries) wins += f.get() ? 1 : 0;
        assertEquals(1, wins, "round " + i);
        assertEquals("claimed", desk.find(id).orElseThrow().status());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void releaseTransferCloseAndTheQueueOrder() throws Exception {
    long old = waitingCase(1, "normal", t0);
    long newer = waitingCase(2, "normal", t0.plusSeconds(60));
    long urgent = waitingCase(3, "urgent", t0.plusSeconds(120));
    assertEquals(List.of(urgent, old, newer), desk.queue().stream().map(DeskStore.DeskCase::id).toList());

    assertTrue(tx(c -> desk.claim(c, old, 501, t0)));
    assertFalse(tx(c -> desk.release(c, old, 502, t0)), "only the holder releases");
    assertTrue(tx(c -> desk.transfer(c, old, 501, 502, t0)));
    db.inTransaction(c -> {
      cases.handOff(c, old, "crisis", "urgent", "crisis while claimed", t0);
      return null;
    });
    assertEquals("claimed", desk.find(old).orElseThrow().status(), "a crisis while claimed keeps the claim");
    assertTrue(tx(c -> desk.release(c, old, 502, t0)));
    assertTrue(tx(c -> desk.close(c, old, "resolved", t0)));
    assertFalse(tx(c -> desk.close(c, old, "resolved", t0)), "closed once");
    assertTrue(tx(c -> desk.rate(c, old, 5, t0)));
    assertFalse(tx(c -> desk.rate(c, old, 1, t0)), "rated once");
    assertEquals(5, desk.rating(old).orElseThrow());
    assertTrue(tx(c -> desk.firstTimeStranger(c, 999, t0)));
    assertFalse(tx(c -> desk.firstTimeStranger(c, 999, t0)));
  }
}
