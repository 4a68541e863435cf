package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stores seal on write and open on read, on the configured store (H2 file or PostgreSQL); keys rotate; damage is caught. */
class SealedStoreTest {
  static final String A = Keyring.newKey();
  static final String B = Keyring.newKey();
  static final String STORY = "[\"Kakak saya dikunci di kamar sejak Senin\"]";
  static final Instant T0 = Instant.parse("2025-11-03T02:00:00Z");

  @TempDir Path dir;
  TestStore store;

  @BeforeEach
  void fresh() throws Exception {
    store = TestStore.fresh(dir.resolve("sealed"));
  }

  @AfterEach
  void drop() throws Exception {
    store.close();
  }

  Database open(Keyring keys) {
    return Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 4), keys);
  }

  /** A case with everything a family and a counselor write, through the stores; returns its id. */
  long writeCase(Database db, long chat, String story) throws SQLException {
    CaseStore cases = new CaseStore(db);
    long id = db.inTransaction(c -> {
      long k = cases.open(c, chat, "id", "first-contact", null, T0);
      cases.record(c, k, "id", "urgent", "{\"name\":\"Melati\"}", story, "{\"flags\":[\"crisis\"],\"evidence\":[\"dikunci\"],\"techniques\":[]}");
      new TranscriptStore(db).add(c, chat, k, TranscriptStore.IN, "text", "dikunci di kamar", null, 1L, null, T0);
      new SessionStore(db).save(c, new SessionStore.Row(chat, "{\"story\":" + story + "}", "active", k, T0, T0, false, false), T0);
      new DeskStore(db).note(c, k, 501, "ibu tiri diduga pelaku", T0);
      new OutboxStore(db).add(c, chat, k, "sendMessage", "{\"chat_id\":" + chat + ",\"text\":\"dikunci di kamar\"}", false, T0);
      return k;
    });
    new InboxStore(db).addAll(List.of(new InboxStore.Row(chat * 10, chat, "{\"message\":{\"text\":\"dikunci di kamar\"}}", InboxStore.PENDING, T0, 0)));
    return id;
  }

  String raw(String sql, Object key) throws SQLException {
    try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setObject(1, key);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  void rawUpdate(String sql, Object... args) throws SQLException {
    try (Connection c = store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
      assertEquals(1, p.executeUpdate());
    }
  }

  @Test
  void everyStoreSealsWhatItWritesAndOpensWhatItReads() throws Exception {
    try (Database db = open(Keyring.parse("a", A, null))) {
      long k = writeCase(db, 4001, STORY);
      CaseStore.Row row = new CaseStore(db).find(k).orElseThrow();
      assertEquals(STORY, row.story());
      assertEquals("{\"name\":\"Melati\"}", row.intake());
      assertTrue(row.flags().contains("\"evidence\":[\"dikunci\"]"), row.flags());
      assertEquals(STORY, new DeskStore(db).find(k).orElseThrow().story());
      assertEquals("dikunci di kamar", new TranscriptStore(db).forCase(k).get(0).text());
      assertTrue(new SessionStore(db).find(4001).orElseThrow().state().contains("dikunci"));
      assertTrue(new InboxStore(db).pending(4001, 10).get(0).payload().contains("dikunci"));
      long out = new OutboxStore(db).pendingOldestFirst(10).get(0).id();
      assertTrue(new OutboxStore(db).payload(out).contains("dikunci"));

      for (String sql : List.of("SELECT story FROM cases WHERE id = ?", "SELECT intake FROM cases WHERE id = ?", "SELECT flags FROM cases WHERE id = ?",
          "SELECT text FROM transcript WHERE case_id = ?", "SELECT state FROM sessions WHERE case_id = ?", "SELECT text FROM case_notes WHERE case_id = ?",
          "SELECT payload FROM outbox WHERE case_id = ?")) {
        String stored = raw(sql, k);
        assertFalse(stored.contains("dikunci") || stored.contains("Melati") || stored.contains("ibu tiri"), sql + " -> " + stored);
        assertTrue(stored.contains("p1:a:"), sql + " -> " + stored);
      }
      assertTrue(raw("SELECT payload FROM inbox WHERE update_id = ?", 40010L).startsWith("p1:a:"));
      assertTrue(raw("SELECT flags FROM cases WHERE id = ?", k).startsWith("{\"flags\":[\"crisis\"]"), "flag names stay filterable");
      CaseQuery.Page crisis = new CaseQuery(db).find(new CaseQuery.Filter(null, null, "crisis", null, null, null), 10, 0);
      assertEquals(1, crisis.total(), "the supervisors' flag filter still finds the case");
      assertTrue(crisis.rows().get(0).flags().contains("dikunci"), "and reads its evidence");
      assertEquals(0, new CaseQuery(db).find(new CaseQuery.Filter(null, null, "concern", null, null, null), 10, 0).total());
    }
  }

  @Test
  void rowsWrittenUnderKeyAAreReadUnderKeyBAndNewRowsGetB() throws Exception {
    long first;
    try (Database db = open(Keyring.parse("a", A, null))) {
      first = writeCase(db, 4002, STORY);
    }
    try (Database db = open(Keyring.parse("b", B, "a:" + A))) {
      assertEquals(STORY, new CaseStore(db).find(first).orElseThrow().story(), "old rows still read");
      assertEquals("dikunci di kamar", new TranscriptStore(db).forChat(4002).get(0).text());
      long second = writeCase(db, 4003, "[\"cerita baru\"]");
      assertTrue(raw("SELECT story FROM cases WHERE id = ?", first).startsWith("p1:a:"));
      assertTrue(raw("SELECT story FROM cases WHERE id = ?", second).startsWith("p1:b:"), "new rows use the newest key");
      assertEquals("[\"cerita baru\"]", new CaseStore(db).find(second).orElseThrow().story());
    }
  }

  @Test
  void aMissingOrWrongKeyStopsTheOpenWithOneSentence() throws Exception {
    try (Database db = open(Keyring.parse("a", A, null))) {
      writeCase(db, 4004, STORY);
    }
    KeyProblem missing = assertThrows(KeyProblem.class, () -> open(Keyring.parse("b", B, null)));
    KeyringTest.assertOneSentence(missing, "sealed with encryption key 'a', which is not loaded");
    KeyProblem wrong = assertThrows(KeyProblem.class, () -> open(Keyring.parse("a", B, null)));
    KeyringTest.assertOneSentence(wrong, "is not the key this store was written with");
    try (Database db = open(Keyring.parse("a", A, null))) {
      assertEquals(STORY, new CaseStore(db).forChat(4004).get(0).story(), "the right key still reads everything");
    }
  }

  @Test
  void aTamperedOrMovedValueIsCaughtAndReportedWithoutItsText() throws Exception {
    try (Database db = open(Keyring.parse("a", A, null))) {
      long k1 = writeCase(db, 4005, STORY);
      long k2 = writeCase(db, 4006, "[\"lain\"]");
      String sealed = raw("SELECT story FROM cases WHERE id = ?", k1);
      int at = sealed.lastIndexOf(':') + 1;
      byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(at));
      bytes[bytes.length / 2] ^= 0x10;
      String flipped = sealed.substring(0, at) + java.util.Base64.getEncoder().encodeToString(bytes);
      rawUpdate("UPDATE cases SET story = ? WHERE id = ?", flipped, k1);
      SealBroken e = assertThrows(SealBroken.class, () -> new CaseStore(db).find(k1));
      assertTrue(e.getMessage().contains("cases.story") && e.getMessage().contains("integrity check"), e.getMessage());
      assertFalse(e.getMessage().contains("Kakak") || e.getMessage().contains(sealed), e.getMessage());

      // Case 1's (intact) intake copied onto case 2 does not show up as case 2's.
      rawUpdate("UPDATE cases SET intake = (SELECT intake FROM cases WHERE id = ?) WHERE id = ?", k1, k2);
      assertThrows(SealBroken.class, () -> new DeskStore(db).find(k2));
    }
  }

  @Test
  void rekeyReSealsOldAndPlainRowsUnderTheNewKeyAndRetiresTheOldKey() throws Exception {
    long first;
    try (Database db = open(Keyring.parse("a", A, null))) {
      first = writeCase(db, 4007, STORY);
    }
    // A row from before encryption was turned on.
    rawUpdate("INSERT INTO transcript (chat_id, case_id, direction, kind, text, at) VALUES (?, ?, 'in', 'text', 'pesan lama tanpa sandi', ?)",
        4007L, first, java.sql.Timestamp.from(T0));
    PintuConfig cfg = new PintuConfig(null, null, new PintuConfig.Store(store.url(), store.user(), store.password(), 4), null, null, null, null,
        null, null, null, null, new PintuConfig.Encryption(B, "b", "a:" + A, null));
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    assertEquals(0, RekeyCommand.run(cfg, new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)), err.toString());
    String report = out.toString();
    assertTrue(report.contains("Re-sealed 9 values with key 'b'."), report);
    assertTrue(report.contains("transcript.text: 2") && report.contains("cases.flags.evidence: 1"), report);
    assertTrue(report.contains("Key 'a' is no longer used"), report);

    for (String sql : List.of("SELECT story FROM cases WHERE id = ?", "SELECT intake FROM cases WHERE id = ?", "SELECT text FROM case_notes WHERE case_id = ?",
        "SELECT state FROM sessions WHERE case_id = ?", "SELECT payload FROM outbox WHERE case_id = ?")) {
      assertTrue(raw(sql, first).startsWith("p1:b:"), sql);
    }
    assertTrue(raw("SELECT flags FROM cases WHERE id = ?", first).contains("\"evidence\":\"p1:b:"));
    assertTrue(raw("SELECT payload FROM inbox WHERE chat_id = ?", 4007L).startsWith("p1:b:"));
    assertEquals(0, Long.parseLong(raw("SELECT COUNT(*) FROM transcript WHERE chat_id = ? AND text NOT LIKE 'p1:b:%'", 4007L)));
    // Key a is gone from the store: key b alone now opens it and reads everything.
    try (Database db = open(Keyring.parse("b", B, null))) {
      assertEquals(STORY, new CaseStore(db).find(first).orElseThrow().story());
      assertEquals(List.of("dikunci di kamar", "pesan lama tanpa sandi"),
          new TranscriptStore(db).forChat(4007).stream().map(TranscriptStore.Row::text).toList());
    }
  }
}
