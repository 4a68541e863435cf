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

  static final Text ASK_COMMENT = Text.of(
      "Bila mau, tulis satu pesan tentang pengalaman Anda dengan layanan kami. Boleh juga dilewati.",
      "If you like, write one message about your experience with our service. You may also skip this.");
  static final Text SKIP = Text.of("Lewati", "Skip");
  static final Text THANKS_COMMENT = Text.of(
      "Terima kasih, masukan Anda sudah kami simpan. Bila ingin bicara lagi dengan kami, kirim pesan atau ketik /start kapan saja.",
      "Thank you, we have kept your feedback. If you want to talk with us again, send a message or type /start any time.");
  static final Text SKIPPED = Text.of(
      "Baik, tidak apa-apa. Bila ingin bicara lagi dengan kami, ketik /start kapan saja.",
      "Alright, that's fine. If you want to talk with us again, type /start any time.");

  /** Waiting room: the family's place in line. */
  static final Text IN_LINE = Text.of(
      "Anda di antrean ke-%d. Konselor akan menyapa Anda sesegera mungkin. Sambil menunggu, Anda boleh terus menulis; semua pesan Anda sudah sampai kepada kami.",
      "You are number %d in line. A counselor will greet you as soon as possible. While you wait you can keep writing; all your messages reach us.");
  static final Text FRONT = Text.of(
      "Anda sekarang di urutan pertama. Konselor berikutnya yang senggang akan menyapa Anda.",
      "You are now first in line. The next free counselor will greet you.");

  /** Handed off outside office hours. */
  static final Text AFTER_HOURS = Text.of(
      "Saat ini di luar jam layanan kami. Konselor akan membalas mulai %s. Anda boleh menuliskan cerita Anda sekarang: semua pesan tersimpan dan akan dibaca konselor.",
      "We are outside our service hours right now. A counselor will answer from %s. You can leave your story now: every message is kept and will be read by a counselor.");
  /**
   * What a family in crisis is told once the crisis script has handed them over, one text per
   * desk situation ({@link CrisisAlarm.Situation}). Admins override each in
   * {@code dialogs/service.yaml} under {@code service:} (key {@code crisis_...}); these are the
   * words used when the file has none. {@code {opening}} becomes the next opening of the office
   * ("Senin, 30 November pukul 08.00 WIB"). Always the help numbers first, then plainly who
   * reads the message and when: never a reply promised that nobody will give.
   */
  static final Text CRISIS_DESK_OPEN = Text.of(
      "Bila Anda dalam bahaya sekarang, jangan menunggu kami: nomor-nomor bantuan di atas adalah bantuan tercepat. "
          + "Konselor kami sedang bertugas dan sudah diberi tahu; mereka akan membaca pesan Anda sesegera mungkin, sebelum kasus lain.",
      "If you are in danger now, don't wait for us: the help numbers above are the fastest help. "
          + "Our counselors are on duty and have been told; they will read your message as soon as they can, before other cases.");
  static final Text CRISIS_ON_CALL = Text.of(
      "Bila Anda dalam bahaya sekarang, jangan menunggu kami: nomor-nomor bantuan di atas adalah bantuan tercepat. "
          + "Saat ini di luar jam layanan, tetapi petugas jaga kami sudah dipanggil untuk Anda dan akan membaca pesan Anda secepat mereka bisa. "
          + "Paling lambat, konselor kami membacanya mulai {opening}.",
      "If you are in danger now, don't wait for us: the help numbers above are the fastest help. "
          + "We are outside our service hours, but our on-call staff have been called for you and will read your message as soon as they can. "
          + "At the latest, a counselor will read it from {opening}.");
  static final Text CRISIS_NOBODY_ON_CALL = Text.of(
      "Bila Anda dalam bahaya sekarang, jangan menunggu kami: nomor-nomor bantuan di atas adalah bantuan tercepat. "
          + "Saat ini di luar jam layanan dan tidak ada petugas yang berjaga, jadi belum ada yang bisa membalas Anda sekarang. "
          + "Konselor kami akan membaca pesan Anda mulai {opening}, sebelum kasus lain.",
      "If you are in danger now, don't wait for us: the help numbers above are the fastest help. "
          + "We are outside our service hours and nobody is on call, so nobody can reply to you right now. "
          + "A counselor will read your message from {opening}, before other cases.");
  static final Text CRISIS_NO_DESK = Text.of(
      "Bila Anda dalam bahaya sekarang, jangan menunggu kami: nomor-nomor bantuan di atas adalah bantuan tercepat. "
          + "Chat ini belum tersambung langsung dengan konselor, jadi belum ada yang bisa membalas Anda di sini, "
          + "dan kami belum bisa memastikan kapan konselor akan membaca pesan Anda. Pesan Anda tetap tersimpan.",
      "If you are in danger now, don't wait for us: the help numbers above are the fastest help. "
          + "This chat is not yet connected directly to a counselor, so nobody can reply to you here yet, "
          + "and we cannot say when a counselor will read your message. Your messages are kept.");
  static final Text CRISIS_NO_DESK_ON_CALL = Text.of(
      "Bila Anda dalam bahaya sekarang, jangan menunggu kami: nomor-nomor bantuan di atas adalah bantuan tercepat. "
          + "Petugas jaga kami sudah diberi tahu tentang pesan Anda, tetapi chat ini belum tersambung langsung dengan konselor, "
          + "jadi balasan di sini bisa lama. Pesan Anda tetap tersimpan.",
      "If you are in danger now, don't wait for us: the help numbers above are the fastest help. "
          + "Our on-call staff have been told about your message, but this chat is not yet connected directly to a counselor, "
          + "so a reply here may take a long time. Your messages are kept.");
  /** {@code {opening}} when the office hours name no next opening at all. */
  static final Text NEXT_OPENING_UNKNOWN = Text.of("jam layanan berikutnya", "our next service hours");

  static String of(Text t, String lang, Object... args) {
    String s = t.in(lang == null ? Text.DEFAULT_LANG : lang);
    return args.length == 0 ? s : String.format(s, args);
  }
}
