package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.store.CaseStore;
import id.pintu.store.DeskStore;
import id.pintu.store.TranscriptStore;
import id.pintu.testing.botapi.SentMessage;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Characters that should not travel (bidi overrides, zero-width and control characters), sent by
 * a family through the Bot API double: they reach neither the family's echo, nor the stored
 * intake and story, nor the counselor's card and topic; a name of nothing visible is told so;
 * emoji and ordinary Indonesian text arrive as written.
 */
class InvisibleCharactersTest {
  static final long STAFF = DeskServiceTest.STAFF;
  /** Nothing of this may reach anyone: C0/C1 controls, bidi controls, invisible characters (a joiner outside a word or emoji too). */
  static final Pattern UNWANTED = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF]");

  ServiceHarness h;
  DeskTopics topics;

  @BeforeEach
  void start() throws Exception {
    h = ServiceHarness.unthrottledStaffGroup().withConfigFile(DeskServiceTest.CONFIG).start();
    topics = new DeskTopics(h, STAFF);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void overridesZeroWidthAndControlCharactersAreTakenOutEverywhereTheFamilysWordsGo() throws Exception {
    long family = 3101;
    String name = "\u202ERi\u200Bna\u0000\u200D\u0007"; // shown right to left, with a NUL and a bell
    String story = "Suami saya\u200B sering marah \u2066di rumah\u2069 sejak Januari.\u202E Kami sekeluarga 👨‍👩‍👧 bingung, café tutup.";
    DeskStore.DeskCase k = topics.handedOff(family, name, story);

    assertTrue(h.texts(family).contains("Ceritakan apa yang terjadi, Rina."), "the echo: " + h.texts(family));
    CaseStore.Row c = new CaseStore(h.service.database()).forChat(family).get(0);
    assertTrue(c.intake().contains("\"name\":\"Rina\""), c.intake());
    String clean = "Suami saya sering marah di rumah sejak Januari. Kami sekeluarga 👨‍👩‍👧 bingung, café tutup.";
    assertTrue(c.story().contains(clean), "emoji (with its joiners) and ordinary text kept as written: " + c.story());

    SentMessage card = topics.awaitInTopic(k.topicThreadId(), "Cerita (kata-kata keluarga)");
    assertTrue(card.text().contains("Rina"), card.text());
    assertTrue(card.text().contains(clean), card.text());
    assertFalse(UNWANTED.matcher(card.text()).find(), "nothing invisible on the card: " + escape(card.text()));
    for (TranscriptStore.Row r : new TranscriptStore(h.service.database()).forChat(family)) {
      assertFalse(r.text() != null && UNWANTED.matcher(r.text()).find(), "transcript: " + escape(r.text()));
    }

    // While the family waits, what it writes goes to the case's topic: cleaned too, and not copied as Telegram has it.
    h.api.sendText(family, "tolong\u202E kak\u0000");
    h.api.sendPhoto(family, "memar di \u2067lengan\u2069");
    h.api.sendText(family, "halo kak 🙏");
    SentMessage text = topics.awaitInTopic(k.topicThreadId(), "tolong kak");
    assertEquals("tolong kak", text.text());
    SentMessage photo = topics.awaitInTopic(k.topicThreadId(), "memar di lengan");
    assertEquals("copyMessage", photo.method(), "a photo is still copied, with its caption cleaned");
    assertEquals("memar di lengan", photo.text());
    SentMessage plain = topics.awaitInTopic(k.topicThreadId(), "halo kak");
    assertEquals("copyMessage", plain.method(), "a message with nothing to take out is copied as before");
    for (SentMessage m : topics.inTopic(k.topicThreadId())) {
      assertFalse(m.text() != null && UNWANTED.matcher(m.text()).find(), "topic: " + escape(m.text()));
    }
  }

  @Test
  void aNameOfNothingVisibleIsToldItIsEmptyLikeABlankOne() throws Exception {
    long family = 3102;
    h.api.sendText(family, "/start");
    h.awaitText(family, "Boleh kami simpan");
    h.press(family, "n:consent:yes");
    h.awaitText(family, "Siapa nama panggilan Anda?");
    List<String> replies = new java.util.ArrayList<>();
    for (String nothing : List.of("   ", "\u200B\u200D\u2060", "\u0000", "\u202E\u200F\u3164")) {
      int before = h.texts(family).size();
      h.api.sendText(family, nothing);
      List<SentMessage> got = h.await(family, before + 1);
      replies.add(got.get(got.size() - 1).text());
    }
    for (String r : replies) {
      assertTrue(r.startsWith("Maaf, pesan Anda sepertinya kosong"), "said what is wrong: " + r);
      assertTrue(r.endsWith("Siapa nama panggilan Anda?"), "and asks again: " + r);
      assertFalse(r.contains("maksimal"), "not 'too long': " + r);
    }
    assertEquals(1, replies.stream().distinct().count(), "every kind of empty gets the same answer: " + replies);
    h.api.sendText(family, "Bu Siti 🌸");
    h.awaitText(family, "Berapa usia Anda?");
    CaseStore.Row c = new CaseStore(h.service.database()).forChat(family).get(0);
    assertTrue(c.intake().contains("\"name\":\"Bu Siti 🌸\""), "the name is the first visible one, emoji kept: " + c.intake());
  }

  static String escape(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 && cp != '\n' || cp >= 0x7F && cp < 0xA0 || cp >= 0x2000 && cp < 0x2070 || cp == 0xFEFF) b.append(String.format("\\u%04X", cp));
      else b.appendCodePoint(cp);
    });
    return b.toString();
  }
}
