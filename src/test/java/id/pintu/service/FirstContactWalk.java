package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.botapi.SentMessage;
import java.util.List;

/** Walks one family through the test first-contact script, checking each reply on the way. */
final class FirstContactWalk {
  private FirstContactWalk() {}

  static void walk(ServiceHarness h, long chat) {
    h.api.sendText(chat, "/start");
    h.awaitText(chat, "Halo, selamat datang.");
    SentMessage consent = h.awaitText(chat, "Boleh kami simpan cerita Anda?");
    assertEquals(List.of("n:consent:yes", "n:consent:no"), ServiceHarness.buttonData(consent));
    h.press(chat, "n:consent:yes");
    h.awaitText(chat, "Siapa nama panggilan Anda?");
    h.api.sendText(chat, "Rina");
    h.awaitText(chat, "Berapa usia Anda?");
    h.api.sendText(chat, "34");
    h.awaitText(chat, "Ceritakan apa yang terjadi, Rina.");
    h.api.sendText(chat, "Anak saya tidak mau sekolah");
    h.api.sendText(chat, "Saya bingung harus bagaimana");
    h.await(chat, 7);
    h.press(chat, "g:done:story");
    h.awaitText(chat, "Terima kasih sudah bercerita.");
    h.awaitText(chat, "Konselor akan segera menyapa Anda.");
    List<String> texts = h.texts(chat);
    assertTrue(texts.indexOf("Terima kasih sudah bercerita.") < texts.indexOf("Konselor akan segera menyapa Anda."), texts.toString());
  }
}
