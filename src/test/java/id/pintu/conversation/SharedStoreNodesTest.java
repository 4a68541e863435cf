package id.pintu.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.admin.ScriptLibrary;
import id.pintu.config.PintuConfig;
import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Engine;
import id.pintu.dialog.ScriptBook;
import id.pintu.safety.CrisisScreens;
import id.pintu.testing.ExpectedReplies;
import id.pintu.store.ClusterLeader;
import id.pintu.store.Database;
import id.pintu.store.InboxStore;
import id.pintu.telegram.ReplyComposer;
import id.pintu.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one JVM, each with its own connection pool, processor, lanes and dispatcher,
 * on one PostgreSQL schema: what a node does with a chat's updates when the other node holds
 * some of them, has already moved the conversation on, lags, or died before processing what
 * it stored. Also the leader election and script versions published on the other node.
 */
@Tag("pg")
class SharedStoreNodesTest {
  static final Path DIALOGS = Path.of("src/test/resources/service-dialogs");
  static final List<String> INPUTS = List.of("/start", "ya", "NAME", "34", "Kami sering bertengkar di rumah.", "Anak-anak ikut sedih.", "sudah");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;
  TestStore store;
  Node a;
  Node b;
  long nextUpdate = 900_000;

  @BeforeAll
  static void postgresIsThere() {
    String why = TestStore.postgresUnreachable();
    assumeTrue(why == null, () -> "SharedStoreNodesTest skipped: " + why);
  }

  /** One node's share of the service: what processes updates. */
  static final class Node implements AutoCloseable {
    final Database db;
    final ChatLanes lanes = new ChatLanes(2);
    final InboxDispatcher dispatcher;

    Node(TestStore s, ScriptBook book) {
      db = Database.open(new PintuConfig.Store(s.url(), s.user(), s.password(), 4), TestStore.testKeys());
      Engine engine = new Engine(CrisisScreens.forDialogs(DIALOGS));
      ConversationProcessor p = new ConversationProcessor(db, engine, () -> book, new ReplyComposer(JSON),
          new FloodGuard(new PintuConfig.Flood(100, 10)), Clock.systemUTC(), 1_000, () -> {});
      dispatcher = new InboxDispatcher(new InboxStore(db), p, lanes, Clock.systemUTC());
    }

    /** Holds both lanes until the latch opens: the node lags. */
    void hold(CountDownLatch until) {
      for (long lane = 0; lane < 2; lane++) {
        lanes.submit(lane, () -> {
          try {
            until.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
    }

    @Override
    public void close() {
      dispatcher.close();
      lanes.close();
      db.close();
    }
  }

  @BeforeEach
  void twoNodes() throws Exception {
    store = TestStore.fresh(TestStore.Kind.POSTGRES, tmp.resolve("store"));
    ScriptBook book = DialogFolder.read(DIALOGS).book();
    a = new Node(store, book);
    b = new Node(store, book);
  }

  @AfterEach
  void close() throws Exception {
    if (a != null) a.close();
    if (b != null) b.close();
    store.close();
  }

  @Test
  void aChatSplitOverTwoNodesIsProcessedInOrderWhileOneNodeLags() throws Exception {
    List<Long> chats = List.of(81L, 82L, 83L, 84L, 85L, 86L);
    Map<Long, List<InboxStore.Row>> rows = storeConversations(chats);
    CountDownLatch release = new CountDownLatch(1);
    a.hold(release);
    // Every other update of each chat (the 2nd, 4th, 6th) reached node a, which lags; the rest node b.
    for (long chat : chats) {
      List<InboxStore.Row> r = rows.get(chat);
      for (int i = 0; i < r.size(); i++) (i % 2 == 1 ? a : b).dispatcher.dispatch(List.of(r.get(i)));
    }
    // Node b cannot go on without a's updates: it takes them, in order, while a is stuck.
    until("node b to finish every chat while node a lags", () -> backlog() == 0);
    release.countDown();
    Thread.sleep(500); // node a now finds its updates done: nothing may happen twice
    for (long chat : chats) {
      assertEquals(expected(chat), outbox(chat), "chat " + chat + ": every reply once, in order");
      assertInOrder(chat);
    }
  }

  @Test
  void aConversationAlternatingBetweenNodesContinuesFromTheStoredState() throws Exception {
    long chat = 91;
    List<InboxStore.Row> r = storeConversations(List.of(chat)).get(chat);
    for (int i = 0; i < r.size(); i++) {
      // Each node last saw this chat two updates ago: a cached session would be stale.
      (i % 2 == 0 ? a : b).dispatcher.dispatch(List.of(r.get(i)));
      int done = i + 1;
      until("update " + done + " processed", () -> processed(chat) == done);
    }
    assertEquals(expected(chat), outbox(chat));
    assertInOrder(chat);
  }

  @Test
  void updatesANodeStoredButNeverProcessedAreTakenInByAnother() throws Exception {
    List<Long> chats = List.of(101L, 102L, 103L);
    storeConversations(chats); // stored and acknowledged by a node that died before processing them
    assertEquals(chats.size() * INPUTS.size(), b.dispatcher.adoptStranded(Duration.ZERO));
    until("the stranded updates processed", () -> backlog() == 0);
    for (long chat : chats) assertEquals(expected(chat), outbox(chat));
  }

  @Test
  void oneNodeLeadsAndAnotherTakesOverWhenTheLeadersConnectionIsCut() throws Exception {
    try (ClusterLeader la = ClusterLeader.forStore(a.db, store.url(), store.user(), store.password(), "test-a");
         ClusterLeader lb = ClusterLeader.forStore(b.db, store.url(), store.user(), store.password(), "test-b")) {
      until("a leader", () -> la.leading() || lb.leading());
      Thread.sleep(1_500); // the other has tried the lock at least once by now
      assertTrue(la.leading() ^ lb.leading(), "exactly one leads");
      ClusterLeader leader = la.leading() ? la : lb;
      ClusterLeader other = leader == la ? lb : la;
      AtomicInteger runs = new AtomicInteger();
      leader.only(runs::incrementAndGet).run();
      other.only(runs::incrementAndGet).run();
      assertEquals(1, runs.get(), "a job wrapped with only() runs on the leader alone");

      // The leader's connection dies (as when its node is killed or cut off).
      String name = leader == la ? "test-a" : "test-b";
      try (Connection c = store.connect()) {
        c.createStatement().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pintu-leader " + name + "'");
      }
      boolean[] both = new boolean[1];
      until("the other node to lead", () -> {
        both[0] |= la.leading() && lb.leading();
        return other.leading();
      });
      assertFalse(both[0], "never two leaders at once");
      assertFalse(leader.leading(), "the node whose connection died no longer leads");
    }
  }

  @Test
  void aScriptVersionPublishedOnOneNodeReachesTheOtherAndItsFolder() throws Exception {
    Path dirA = copyDialogs("dialogs-a");
    Path dirB = copyDialogs("dialogs-b");
    ScriptLibrary libA = ScriptLibrary.open(a.db, dirA, Clock.systemUTC());
    ScriptLibrary libB = ScriptLibrary.open(b.db, dirB, Clock.systemUTC());
    assertEquals(1, libB.current().script("first-contact").version(), "the same folder is published once, not once per node");

    String v2 = Files.readString(dirA.resolve("first-contact.yaml")).replace("Halo, selamat datang.", "Halo, selamat datang di versi dua.");
    assertTrue(libA.publish("first-contact", v2, "admin", "test").published());
    assertEquals(1, libB.current().script("first-contact").version(), "node b has not looked yet");
    libB.refresh();
    assertEquals(2, libB.current().script("first-contact").version());
    assertEquals(v2, Files.readString(dirB.resolve("first-contact.yaml")), "node b's folder follows the store");
    libB.checkFolder(); // node b's own watcher must not take the written-back file for an admin's edit
    assertEquals(2, libA.history("first-contact").size());
  }

  // ---- helpers -------------------------------------------------------------------------

  Path copyDialogs(String name) throws Exception {
    Path d = Files.createDirectories(tmp.resolve(name));
    try (var files = Files.list(DIALOGS)) {
      for (Path f : files.toList()) Files.copy(f, d.resolve(f.getFileName()));
    }
    return d;
  }

  /** Stores each chat's whole conversation in the inbox (update ids interleaved across chats). */
  Map<Long, List<InboxStore.Row>> storeConversations(List<Long> chats) throws Exception {
    Map<Long, List<InboxStore.Row>> out = new LinkedHashMap<>();
    List<InboxStore.Row> all = new ArrayList<>();
    for (int step = 0; step < INPUTS.size(); step++) {
      for (long chat : chats) {
        long id = nextUpdate++;
        String text = INPUTS.get(step).replace("NAME", "Nama" + chat);
        String json = JSON.writeValueAsString(Map.of("update_id", id, "message", Map.of("message_id", step + 1, "date", 1_700_000_000,
            "chat", Map.of("id", chat, "type", "private"), "from", Map.of("id", chat, "is_bot", false, "first_name", "K"), "text", text)));
        InboxStore.Row r = new InboxStore.Row(id, chat, json, InboxStore.PENDING, Instant.now(), 0);
        all.add(r);
        out.computeIfAbsent(chat, c -> new ArrayList<>()).add(r);
      }
    }
    new InboxStore(a.db).addAll(all);
    return out;
  }

  static List<String> expected(long chat) {
    return new ExpectedReplies(DIALOGS).to(INPUTS, "Nama" + chat);
  }

  /** The texts queued for a chat, in outbox order. */
  List<String> outbox(long chat) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = store.connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT payload FROM outbox WHERE LOWER(method) = 'sendmessage' AND chat_id = " + chat + " ORDER BY id")) {
      var cipher = new id.pintu.store.FieldCipher(TestStore.testKeys()); // payloads are sealed at rest
      while (rs.next()) {
        String payload = cipher.open(id.pintu.store.SealedColumn.OUTBOX_PAYLOAD, chat, rs.getString(1));
        out.add(JSON.readTree(payload).get("text").asText());
      }
    }
    return out;
  }

  /** The chat's messages entered the transcript in update_id order, each once. */
  void assertInOrder(long chat) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = store.connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT update_id FROM transcript WHERE direction = 'in' AND chat_id = " + chat + " ORDER BY id")) {
      while (rs.next()) ids.add(rs.getLong(1));
    }
    List<Long> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids, "chat " + chat + " processed in update_id order");
    assertEquals(INPUTS.size(), new java.util.HashSet<>(ids).size(), "chat " + chat + ": each update once");
  }

  long backlog() throws Exception {
    return new InboxStore(a.db).backlog();
  }

  long processed(long chat) throws Exception {
    try (Connection c = store.connect();
         ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox WHERE status = 'done' AND chat_id = " + chat)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void until(String what, Check c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (c.ok()) return;
      Thread.sleep(20);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
