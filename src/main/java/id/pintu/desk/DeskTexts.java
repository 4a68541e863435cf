package id.pintu.desk;

import id.pintu.dialog.Text;

/** What the desk tells families (Bahasa Indonesia first, English second). */
final class DeskTexts {
  private DeskTexts() {}

  static final Text JOINED = Text.of(
      "%s, konselor kami, sudah bergabung. Mulai sekarang pesan Anda dibaca langsung oleh konselor. Silakan lanjutkan.",
      "%s, one of our counselors, has joined. From now on your messages are read by the counselor. Please go on.");
  static final Text RELEASED = Text.of(
      "Konselor Anda sedang berhalangan. Konselor lain akan segera melanjutkan; pesan Anda tetap kami terima.",
      "Your counselor had to step away. Another counselor will continue soon; we still receive your messages.");
  static final Text TRANSFERRED = Text.of(
      "Percakapan Anda sekarang dilanjutkan oleh %s, konselor kami.",
      "Your conversation is now continued by %s, one of our counselors.");
  static final Text CLOSED = Text.of(
      "Percakapan dengan konselor kami sudah selesai. Terima kasih sudah mempercayakan cerita Anda kepada kami. "
          + "Anda bisa kembali kapan saja dengan mengirim pesan di sini.\n\n"
          + "Bila berkenan, seberapa membantu layanan kami? (1 = kurang, 5 = sangat membantu)",
      "Your conversation with our counselor has ended. Thank you for trusting us with your story. "
          + "You can come back any time by sending a message here.\n\n"
          + "If you like: how helpful was our service? (1 = not much, 5 = very helpful)");
  static final Text THANKS_RATING = Text.of(
      "Terima kasih atas penilaian Anda.",
      "Thank you for your rating.");

  static String of(Text t, String lang, Object... args) {
    String s = t.in(lang == null ? Text.DEFAULT_LANG : lang);
    return args.length == 0 ? s : String.format(s, args);
  }
}
