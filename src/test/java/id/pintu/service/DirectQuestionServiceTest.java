package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import id.pintu.testing.botapi.SentMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real service: a family whose message only raises a concern is asked directly
 * about danger, answers by typing "iya", and gets the help contacts at once, with the case
 * at the top of the counselors' queue.
 */
class DirectQuestionServiceTest {
  /** "capek hidup" raises a concern about suicide; "ingin mati" is urgent. */
  static final CrisisScreen SCREEN = text -> {
    String t = text == null ? "" : text.toLowerCase();
    if (t.contains("ingin mati")) {
      return new ScreenResult(RiskLevel.URGENT, List.of(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, "ingin mati", "ingin mati")));
    }
    if (t.contains("capek hidup")) {
      return new ScreenResult(RiskLevel.CONCERN, List.of(new ScreenMatch("suicide_self_harm", RiskLevel.CONCERN, "capek hidup", "capek hidup")));
    }
    return ScreenResult.CLEAR;
  };

  ServiceHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new ServiceHarness().start(SCREEN, Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    h.close();
  }

  @Test
  void aTypedIyaToTheDirectQuestionGetsTheHelpContacts() throws Exception {
    long chat = 7_400;
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Boleh kami simpan");
    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama");

    h.api.sendText(chat, "saya capek hidup");
    SentMessage q = h.awaitText(chat, "apakah Anda sedang berpikir untuk mengakhiri hidup?");
    assertEquals(List.of("g:ask:yes", "g:ask:no", "g:ask:unsure"), ServiceHarness.buttonData(q));

    h.api.sendText(chat, "iya");
    SentMessage help = h.awaitText(chat, "Keselamatan Anda yang utama");
    assertTrue(help.text().contains("SAPA 129") && help.text().contains("129"), help.text());
    h.awaitText(chat, "Konselor segera datang");

    try (Connection c = h.store.connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT priority, queue, status FROM cases WHERE chat_id = " + chat)) {
      assertTrue(rs.next());
      assertEquals("urgent", rs.getString("priority"));
      assertEquals("crisis", rs.getString("queue"));
      assertEquals("waiting", rs.getString("status"));
    }
  }
}
