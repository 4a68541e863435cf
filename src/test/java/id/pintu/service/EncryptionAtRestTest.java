package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.store.Keyring;
import id.pintu.testing.TestStore;
import id.pintu.testing.botapi.SentMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest through the whole service: what a family and a counselor wrote is in no
 * text column of any table and (on H2) nowhere in the database file's bytes, while every
 * reader (handover card, relay, session, sender) still sees the words; keys rotate; a wrong
 * key stops the start with one sentence.
 */
class EncryptionAtRestTest {
  static final long STAFF = DeskServiceTest.STAFF;
  static final long SARI = DeskServiceTest.SARI;
  static final String NAME = "Kembang Sepatu";
  static final String STORY = "Paman mengancam kami dengan parang semalam";
  static final String RELAYED = "Kami sembunyi di rumah tetangga";
  static final String REPLY = "Tetap di sana, kakak hubungi polisi";
  static final String NOTE = "paman residivis kasus senjata tajam";
  /** Script text: not family data, stored in the clear; proves the scans can find text at all. */
  static final String CONTROL = "Siapa nama panggilan Anda?";

  ServiceHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) h.close();
  }

  @Test
  void noTableAndNoByteOfTheStoreHoldsWhatTheFamilyOrCounselorWrote() throws Exception {
    h = ServiceHarness.unthrottledStaffGroup().withConfigFile(DeskServiceTest.CONFIG).start();
    long family = 6001;
    DeskTopics topics = new DeskTopics(h, STAFF);
    DeskStore.DeskCase handedOff = topics.handedOff(family, NAME, STORY);

    // The readers see the words: the handover card was built from the sealed case.
    long caseId = handedOff.id();
    DeskStore desk = new DeskStore(h.service.database());
    int thread = handedOff.topicThreadId();
    SentMessage card = topics.awaitInTopic(thread, STORY);
    assertTrue(card.text().contains(NAME), card.text());
    h.api.pressButtonAs(STAFF, card.messageId(), SARI, "d:claim:" + caseId);
    h.awaitText(family, "sudah bergabung");
    h.api.sendText(family, RELAYED);
    topics.awaitInTopic(thread, RELAYED);
    h.api.sendToTopic(STAFF, thread, SARI, REPLY);
    h.awaitText(family, REPLY);
    h.api.sendToTopic(STAFF, thread, SARI, "/catatan " + NOTE);
    DeskServiceTest.until("the note", () -> {
      try {
        return desk.count("case_notes", caseId) == 1;
      } catch (Exception e) {
        return false;
      }
    });
    assertTrue(new CaseStore(h.service.database()).find(caseId).orElseThrow().story().contains(STORY), "the store reads it back");

    List<String> secrets = List.of(STORY, NAME, RELAYED, REPLY, NOTE);
    List<String> found = textColumnsContaining(secrets);
    assertEquals(List.of(), found, "family and counselor words in the clear");
    assertFalse(textColumnsContaining(List.of(CONTROL)).isEmpty(), "the scan finds stored script text, so it would find family text");

    h.stop(); // closes the store: everything is in the file now
    if (h.store.kind() == TestStore.Kind.H2) {
      byte[] file = Files.readAllBytes(h.store.h2File());
      for (String s : secrets) assertEquals(-1, indexOf(file, s.getBytes(StandardCharsets.UTF_8)), "'" + s + "' in the H2 file's bytes");
      assertTrue(indexOf(file, CONTROL.getBytes(StandardCharsets.UTF_8)) >= 0, "the byte scan finds script text, so it would find family text");
    }
  }

  @Test
  void afterKeyRotationTheConversationGoesOnAndNewRowsUseTheNewKey() throws Exception {
    h = new ServiceHarness().start();
    long family = 6002;
    h.api.sendText(family, "/start");
    h.awaitText(family, "Boleh kami simpan");
    h.press(family, "n:consent:yes");
    h.awaitText(family, "Siapa nama");
    h.api.sendText(family, NAME);
    h.awaitText(family, "Berapa usia");
    h.stop();

    h.set("PINTU_ENCRYPTION_KEY_ID", "k2").set("PINTU_ENCRYPTION_KEY", Keyring.newKey())
        .set("PINTU_ENCRYPTION_OLD_KEYS", TestStore.TEST_KEY_ID + ":" + TestStore.TEST_KEY).start();
    h.api.sendText(family, "34");
    // The session sealed under the old key was read: the name the family gave is used.
    h.awaitText(family, "Ceritakan apa yang terjadi, " + NAME + ".");
    // Text kept (what the family wrote before consent is kept as kind and time only, no text).
    List<String> transcript = column("SELECT text FROM transcript WHERE chat_id = ? AND text IS NOT NULL ORDER BY id", family);
    assertTrue(transcript.get(0).startsWith("p1:" + TestStore.TEST_KEY_ID + ":"), transcript.get(0));
    assertTrue(transcript.get(transcript.size() - 1).startsWith("p1:k2:"), transcript.get(transcript.size() - 1));
    assertTrue(column("SELECT state FROM sessions WHERE chat_id = ?", family).get(0).startsWith("p1:k2:"));
  }

  @Test
  void aWrongKeyAtStartUpStopsWithOneSentenceAndTheRightKeyCarriesOn() throws Exception {
    h = new ServiceHarness().start();
    long family = 6003;
    h.api.sendText(family, "/start");
    h.awaitText(family, "Boleh kami simpan");
    h.stop();

    h.set("PINTU_ENCRYPTION_KEY", Keyring.newKey());
    StartupProblem wrong = assertThrows(StartupProblem.class, () -> h.start());
    assertEquals("The encryption key loaded as 'test1' is not the key this store was written with: set the original key in "
        + "PINTU_ENCRYPTION_KEY (or PINTU_ENCRYPTION_OLD_KEYS), not a new one.", wrong.getMessage());

    h.set("PINTU_ENCRYPTION_KEY_ID", "other");
    StartupProblem missing = assertThrows(StartupProblem.class, () -> h.start());
    assertTrue(missing.getMessage().startsWith("The store holds data sealed with encryption key 'test1', which is not loaded"), missing.getMessage());

    h.set("PINTU_ENCRYPTION_KEY_ID", TestStore.TEST_KEY_ID).set("PINTU_ENCRYPTION_KEY", TestStore.TEST_KEY).start();
    h.press(family, "n:consent:yes");
    h.awaitText(family, "Siapa nama");
  }

  @Test
  void anOfficeWithoutAKeyGetsOneMadeOnceAndKeepsReadingWithIt() throws Exception {
    h = new ServiceHarness();
    h.env.remove("PINTU_ENCRYPTION_KEY");
    h.env.remove("PINTU_ENCRYPTION_KEY_ID");
    // On H2 the key goes beside the database file; on PostgreSQL it would go to ./data: point it at the test's folder.
    java.nio.file.Path keyFile = h.store.postgres() ? h.dataDir.resolve("pintu.key") : java.nio.file.Path.of(h.store.h2File().toString().replace(".mv.db", ".key"));
    if (h.store.postgres()) h.set("PINTU_ENCRYPTION_KEY_FILE", keyFile.toString());
    h.start();
    long family = 6004;
    h.api.sendText(family, "/start");
    h.awaitText(family, "Boleh kami simpan");
    h.press(family, "n:consent:yes");
    h.awaitText(family, "Siapa nama");
    h.stop();
    assertTrue(Files.isRegularFile(keyFile), "the key was made at " + keyFile);
    assertTrue(Files.readString(keyFile).startsWith("local1:"));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    assertTrue(column("SELECT state FROM sessions WHERE chat_id = ?", family).get(0).startsWith("p1:local1:"));

    h.start(); // the same key is read again: the conversation goes on
    h.api.sendText(family, NAME);
    h.awaitText(family, "Berapa usia");
  }

  @Test
  void aReplyAlteredInTheStoreIsGivenUpWithoutShowingItAndLaterRepliesStillLeave() throws Exception {
    h = new ServiceHarness().start();
    long family = 6005;
    h.api.failures().tooManyRequests(1, 3); // holds the greeting in the outbox for 3 s
    h.api.sendText(family, "/start");
    DeskServiceTest.until("the greeting refused once", () -> h.api.callsOf("sendMessage").stream().anyMatch(c -> c.status() == 429));
    long greeting;
    try (Connection c = h.store.connect();
         PreparedStatement p = c.prepareStatement("SELECT o.id, o.payload FROM outbox o JOIN outbox_pending p ON p.id = o.id WHERE o.chat_id = ? ORDER BY o.id LIMIT 1")) {
      p.setLong(1, family);
      try (ResultSet rs = p.executeQuery()) {
        assertTrue(rs.next(), "the greeting waits");
        greeting = rs.getLong(1);
        String sealed = rs.getString(2);
        int at = sealed.lastIndexOf(':') + 1;
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring(at));
        raw[raw.length / 2] ^= 1;
        try (PreparedStatement u = c.prepareStatement("UPDATE outbox SET payload = ? WHERE id = ?")) {
          u.setString(1, sealed.substring(0, at) + java.util.Base64.getEncoder().encodeToString(raw));
          u.setLong(2, greeting);
          assertEquals(1, u.executeUpdate());
        }
      }
    }
    h.awaitText(family, "Boleh kami simpan"); // the next reply is not held behind the altered one
    assertFalse(h.texts(family).contains("Halo, selamat datang."), "the altered greeting is not sent: " + h.texts(family));
    List<String> outcome = column("SELECT status || ' ' || last_error FROM outbox WHERE id = ?", greeting);
    assertTrue(outcome.get(0).startsWith("failed ") && outcome.get(0).contains("outbox.payload") && outcome.get(0).contains("integrity check"), outcome.get(0));
  }

  /** "table.column" of every text column, in every table of the store's schema, holding any of {@code needles}. */
  List<String> textColumnsContaining(List<String> needles) throws Exception {
    List<String> hits = new ArrayList<>();
    try (Connection c = h.store.connect()) {
      List<String[]> cols = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns WHERE LOWER(table_schema) = ?"
          + " AND LOWER(data_type) IN ('character varying', 'text', 'character', 'character large object', 'json', 'jsonb')")) {
        p.setString(1, h.store.schema().toLowerCase());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) cols.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      assertTrue(cols.size() > 10, "the scan sees the tables' text columns: " + cols.size());
      for (String[] tc : cols) {
        try (PreparedStatement p = c.prepareStatement("SELECT \"" + tc[1] + "\" FROM \"" + tc[0] + "\""); ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String v = rs.getString(1);
            if (v != null) for (String n : needles) if (v.contains(n)) hits.add(tc[0] + "." + tc[1] + " has '" + n + "'");
          }
        }
      }
    }
    return hits;
  }

  List<String> column(String sql, long key) throws Exception {
    try (Connection c = h.store.connect(); PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, key);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) out.add(rs.getString(1));
      }
      return out;
    }
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
