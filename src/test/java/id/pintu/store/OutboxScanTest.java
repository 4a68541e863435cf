package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pintu.config.PintuConfig;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How the sender reads the outbox: a family's messages leave in the order they were written. */
class OutboxScanTest {
  private static final long X = 11, Y = 22, Z = 33;

  @TempDir Path dir;

  /**
   * The sender stops reading once its free slots are filled, so a scan is read as it goes.
   * A transaction that commits while the scan runs must not show its later row there: the
   * sender would take it for the chat's oldest pending message and send it first.
   */
  @ParameterizedTest
  @EnumSource(TestStore.Kind.class)
  void aScanNeverShowsAChatsLaterMessageBeforeItsEarlierOne(TestStore.Kind kind) throws Exception {
    onOutbox(kind, (db, outbox) -> {
      try (Connection slow = db.connection()) {
        slow.setAutoCommit(false);
        long first = outbox.add(slow, X, null, "sendMessage", "{\"text\":\"satu\"}", false, NOW);
        long other = db.inTransaction(c -> outbox.add(c, Y, null, "sendMessage", "{\"text\":\"y\"}", false, NOW));
        long second = outbox.add(slow, X, null, "sendMessage", "{\"text\":\"dua\"}", false, NOW);
        long last = db.inTransaction(c -> outbox.add(c, Z, null, "sendMessage", "{\"text\":\"z\"}", false, NOW));

        List<Long> met = new ArrayList<>();
        outbox.scanPending(100, row -> {
          met.add(row.id());
          if (met.size() == 1) slow.commit(); // X's two messages commit while the scan is under way
          return true;
        });
        assertEquals(List.of(other, last), met, "the scan shows what was committed when it began");

        List<Long> after = new ArrayList<>();
        outbox.scanPending(100, row -> after.add(row.id()));
        assertEquals(List.of(first, other, second, last), after, "the next scan shows X's messages, the earlier first");
      }
    });
  }

  @ParameterizedTest
  @EnumSource(TestStore.Kind.class)
  void aScanStopsWhenTheSenderHasEnough(TestStore.Kind kind) throws Exception {
    onOutbox(kind, (db, outbox) -> {
      db.inTransaction(c -> {
        for (int i = 0; i < 300; i++) outbox.add(c, 1_000 + i, null, "sendMessage", "{\"text\":\"" + i + "\"}", false, NOW);
        return null;
      });
      List<Long> chats = new ArrayList<>();
      outbox.scanPending(2_000, row -> {
        chats.add(row.chatId());
        return chats.size() < 3;
      });
      assertEquals(List.of(1_000L, 1_001L, 1_002L), chats);
      assertEquals(300, outbox.pendingOldestFirst(2_000).size());
    });
  }

  /**
   * The sender scans after every round of sends. Switching H2 to streaming with SQL (SET
   * LAZY_QUERY_EXECUTION) counts as a schema change there: every connection then dropped its
   * parsed statements and each lane parsed its SQL again, per update at a quiet hour.
   */
  @org.junit.jupiter.api.Test
  void aScanLeavesEveryConnectionsParsedStatementsInPlace() throws Exception {
    onOutbox(TestStore.Kind.H2, (db, outbox) -> {
      db.inTransaction(c -> outbox.add(c, X, null, "sendMessage", "{\"text\":\"a\"}", false, NOW));
      try (Connection c = db.connection()) {
        var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        long schemaVersion = session.getDatabase().getModificationMetaId();
        List<Boolean> streamed = new ArrayList<>();
        outbox.scanPending(100, row -> streamed.add(true));
        assertEquals(List.of(true), streamed);
        assertEquals(schemaVersion, session.getDatabase().getModificationMetaId(), "no connection's statements were dropped");
      }
      for (int i = 0; i < 4; i++) {
        try (Connection c = db.connection()) {
          var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
          org.junit.jupiter.api.Assertions.assertFalse(session.isLazyQueryExecution(), "the pool gets its connection back as it was");
        }
      }
    });
  }

  /** A row leaves the scan once sent, failed or erased; a retry stays in it with its new time. */
  @ParameterizedTest
  @EnumSource(TestStore.Kind.class)
  void sentFailedAndErasedRowsLeaveTheScanRetriedOnesStay(TestStore.Kind kind) throws Exception {
    onOutbox(kind, (db, outbox) -> {
      long sent = db.inTransaction(c -> outbox.add(c, X, null, "sendMessage", "{\"text\":\"a\"}", false, NOW));
      long failed = db.inTransaction(c -> outbox.add(c, Y, null, "sendMessage", "{\"text\":\"b\"}", false, NOW));
      long retried = db.inTransaction(c -> outbox.add(c, Z, null, "sendMessage", "{\"text\":\"c\"}", false, NOW));
      long unreachable = db.inTransaction(c -> outbox.add(c, 44, null, "sendMessage", "{\"text\":\"d\"}", false, NOW));
      long erased = db.inTransaction(c -> outbox.add(c, 55, null, "sendMessage", "{\"text\":\"e\"}", false, NOW));
      assertEquals(5, outbox.backlog());

      outbox.markSent(sent, 900L, NOW, null);
      outbox.markFailed(failed, "400 Bad Request");
      outbox.retryAt(retried, NOW.plusSeconds(30), "502");
      outbox.failAllPending(44, "403 Forbidden");
      try (Connection c = db.connection(); var st = c.createStatement()) {
        st.executeUpdate("DELETE FROM outbox WHERE id = " + erased); // as an erasure does
      }

      List<OutboxStore.Row> left = outbox.pendingOldestFirst(100);
      assertEquals(List.of(retried), left.stream().map(OutboxStore.Row::id).toList());
      assertEquals(1, left.get(0).attempts());
      assertEquals(NOW.plusSeconds(30), left.get(0).nextAttemptAt());
      assertEquals(1, outbox.backlog());
      assertEquals(List.of(sent + " sent 900 1", failed + " failed null 1", retried + " pending null 1", unreachable + " failed null 0"),
          delivery(db), "the outbox keeps every row's history");
    });
  }

  /**
   * A reply leaves with the text it was written with, whether the sender has it from memory
   * (just written by this process) or reads it back from the store (a retry, another node);
   * a reply still waiting when the family's data is erased never leaves, from either.
   */
  @ParameterizedTest
  @EnumSource(TestStore.Kind.class)
  void aWaitingReplyLeavesWithItsOwnTextUnlessTheFamilyWasErased(TestStore.Kind kind) throws Exception {
    onOutbox(kind, (db, outbox) -> {
      String text = "{\"chat_id\":11,\"text\":\"Terima kasih sudah bercerita.\"}";
      long reply = db.inTransaction(c -> outbox.add(c, X, 7L, "sendMessage", text, false, NOW));
      assertEquals(text, outbox.payload(reply), "the first send");
      assertEquals(text, outbox.payload(reply), "a retry reads the sealed row back from the store");
      try (Connection c = db.connection(); var st = c.createStatement();
           var rs = st.executeQuery("SELECT payload FROM outbox WHERE id = " + reply)) {
        rs.next();
        org.junit.jupiter.api.Assertions.assertFalse(rs.getString(1).contains("bercerita"), "stored sealed");
      }

      long toFamily = db.inTransaction(c -> outbox.add(c, Y, 8L, "sendMessage", "{\"text\":\"y\"}", false, NOW));
      long toTopic = db.inTransaction(c -> outbox.add(c, -100L, 8L, "sendMessage", "{\"text\":\"topic\"}", false, NOW));
      long toOther = db.inTransaction(c -> outbox.add(c, Z, 9L, "sendMessage", "{\"text\":\"z\"}", false, NOW));
      PrivacyStore privacy = new PrivacyStore(db);
      db.inTransaction(c -> {
        privacy.purgeChat(c, Y, List.of(8L));
        return null;
      });
      assertEquals(null, outbox.payload(toFamily), "the erased family's reply is gone");
      assertEquals(null, outbox.payload(toTopic), "so is the counselors' copy of their words");
      assertEquals("{\"text\":\"z\"}", outbox.payload(toOther), "another family's reply still leaves");
    });
  }

  /**
   * A sent reply stays sent: giving up an unreachable chat fails only what still waits, a mark
   * recorded twice keeps the first, and an erasure blanks the sent reply's words and drops the
   * waiting one (the sent mark is its own narrow row, so the outbox row says nothing of it).
   */
  @ParameterizedTest
  @EnumSource(TestStore.Kind.class)
  void aSentReplyStaysSentWhenItsChatIsGivenUpOrErased(TestStore.Kind kind) throws Exception {
    onOutbox(kind, (db, outbox) -> {
      long sent = db.inTransaction(c -> outbox.add(c, X, 7L, "sendMessage", "{\"text\":\"Halo Melati\"}", false, NOW));
      long waiting = db.inTransaction(c -> outbox.add(c, X, 7L, "sendMessage", "{\"text\":\"Apa kabar?\"}", false, NOW));
      outbox.markSent(sent, 901L, NOW, null);
      outbox.markSent(sent, 999L, NOW.plusSeconds(1), null); // recorded again after a lost answer
      assertEquals(1, outbox.failAllPending(X, "403 Forbidden: bot was blocked by the user"));
      assertEquals(List.of(sent + " sent 901 1", waiting + " failed null 0"), delivery(db));

      long sentToY = db.inTransaction(c -> outbox.add(c, Y, 8L, "sendMessage", "{\"text\":\"Halo Kenanga\"}", false, NOW));
      long waitingForY = db.inTransaction(c -> outbox.add(c, Y, 8L, "sendMessage", "{\"text\":\"Ceritakan\"}", false, NOW));
      long spinnerForY = db.inTransaction(c -> outbox.add(c, Y, 8L, "answerCallbackQuery", "{\"callback_query_id\":\"q\"}", true, NOW));
      outbox.markSent(sentToY, 902L, NOW, null);
      PrivacyStore privacy = new PrivacyStore(db);
      db.inTransaction(c -> {
        privacy.purgeChat(c, Y, List.of(8L));
        return null;
      });
      assertEquals(PrivacyStore.GONE, outbox.payload(sentToY), "the sent reply keeps its row, not its words");
      assertEquals(null, outbox.payload(waitingForY), "the waiting reply is dropped");
      assertEquals(List.of(spinnerForY), outbox.pendingOldestFirst(100).stream().map(OutboxStore.Row::id).toList(),
          "a courtesy call carries no words and still leaves");
      assertEquals(List.of(sent + " sent 901 1", waiting + " failed null 0", sentToY + " sent 902 1", spinnerForY + " pending null 0"),
          delivery(db));
      try (Connection c = db.connection(); var st = c.createStatement();
           var rs = st.executeQuery("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")) {
        rs.next();
        assertEquals(0, rs.getLong(1), "the raw column never says 'pending' of a sent row (a stuck sender, to a person counting)");
      }
    });
  }

  /** Each outbox row as the view outbox_delivery shows it: id, status, Telegram's message id, attempts. */
  private static List<String> delivery(Database db) throws Exception {
    try (Connection c = db.connection(); var st = c.createStatement();
         var rs = st.executeQuery("SELECT id, status, telegram_message_id, attempts FROM outbox_delivery ORDER BY id")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getObject(3) + " " + rs.getInt(4));
      return rows;
    }
  }

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private interface OutboxWork {
    void run(Database db, OutboxStore outbox) throws Exception;
  }

  /** A fresh store of the given kind and its outbox. */
  private void onOutbox(TestStore.Kind kind, OutboxWork work) throws Exception {
    try (TestStore store = TestStore.fresh(kind, dir.resolve(kind.name()));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 4), TestStore.testKeys())) {
      work.run(db, new OutboxStore(db));
    }
  }
}
