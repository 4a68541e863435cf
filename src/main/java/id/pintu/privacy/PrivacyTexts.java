package id.pintu.privacy;

import id.pintu.dialog.Text;

/** What the family and the counselors are told about their data. Plain, kind, no blame. */
public final class PrivacyTexts {
  private PrivacyTexts() {}

  public static final Text ERASED = Text.of(
      "Data Anda sudah dihapus dari layanan kami: jawaban, cerita, dan percakapan Anda. Yang tersisa hanya catatan bahwa penghapusan ini terjadi. Kalau suatu saat Anda butuh bantuan lagi, tulis saja pesan di sini; kami akan mulai dari awal.",
      "Your data has been erased from our service: your answers, your story and your conversation. All that remains is a note that this erasure happened. If you need help again some day, just write here; we will start afresh.");

  public static final Text HELD = Text.of(
      "Maaf, data Anda belum bisa kami hapus sekarang. Kasus Anda sedang dalam penanganan perlindungan yang aktif, dan selama itu aturan mewajibkan kami menyimpannya. Data Anda tetap rahasia dan hanya dilihat oleh yang menangani kasus Anda. Anda bisa menanyakan hal ini kepada konselor Anda kapan saja.",
      "Sorry, we cannot erase your data right now. Your case is part of an active protection case, and while it is, the rules require us to keep it. Your data stays confidential and is seen only by those handling your case. You can ask your counselor about this at any time.");

  static String topicErased(long caseId) {
    return "🗑 Keluarga meminta datanya dihapus. Data kasus #" + caseId + " (jawaban, cerita, percakapan, catatan) sudah dihapus dari Pintu "
        + "dan kasus ditutup. Pesan lama di topik ini masih ada di Telegram: hapus topik ini bila sudah tidak diperlukan.";
  }

  static String topicHeld(long caseId, String reason) {
    return "🔒 Keluarga meminta datanya dihapus, tetapi kasus #" + caseId + " ditahan (" + reason + "). Tidak ada yang dihapus; "
        + "keluarga sudah diberi tahu alasannya dengan sopan dan diminta bertanya kepada konselor.";
  }
}
