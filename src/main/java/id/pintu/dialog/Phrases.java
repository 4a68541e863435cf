package id.pintu.dialog;

import java.util.List;

/**
 * The engine's own words, used outside any script: re-prompts, the three-miss offer,
 * confirmations. Kept plain and blame-free. Scripts may quote service-wide placeholders
 * such as {@code {help_contacts}} in them.
 */
public final class Phrases {
  private Phrases() {}

  public static final Text SKIP = Text.of("Lewati", "Skip");
  public static final Text DONE = Text.of("Sudah, itu saja", "I'm done");
  public static final Text PERSON = Text.of("Bicara dengan konselor", "Talk to a counselor");
  public static final Text RETRY = Text.of("Coba lagi", "Try again");
  public static final Text YES = Text.of("Ya", "Yes");
  public static final Text NO = Text.of("Tidak", "No");
  public static final Text STOP_YES = Text.of("Ya, berhenti", "Yes, stop");
  public static final Text STOP_NO = Text.of("Tidak, lanjutkan", "No, continue");
  public static final Text ERASE_YES = Text.of("Ya, hapus data saya", "Yes, erase my data");
  public static final Text ERASE_NO = Text.of("Tidak, jangan hapus", "No, keep it");
  public static final Text CONFIRM_ERASE = Text.of(
      "Anda meminta agar data Anda di layanan ini dihapus: jawaban Anda, cerita Anda, dan percakapan Anda dengan kami. Setelah dihapus, data itu tidak bisa dikembalikan, dan kasus Anda yang sedang berjalan akan ditutup. Anda tetap boleh menghubungi kami lagi kapan saja.\n\nApakah Anda yakin?",
      "You asked for your data with this service to be erased: your answers, your story, and your conversation with us. Once erased it cannot be brought back, and a case of yours that is still open will be closed. You can still contact us again at any time.\n\nAre you sure?");
  public static final Text ERASE_KEPT = Text.of(
      "Baik, data Anda tidak dihapus.", "Alright, your data has not been erased.");

  public static final Text REPROMPT_CHOICE = Text.of(
      "Maaf, saya belum menangkap jawabannya. Silakan pilih salah satu tombol di bawah ini.",
      "Sorry, I didn't catch that. Please choose one of the buttons below.");
  public static final Text REPROMPT_YESNO = Text.of(
      "Maaf, saya belum menangkap jawabannya. Cukup jawab \"ya\" atau \"tidak\", atau tekan tombol di bawah.",
      "Sorry, I didn't catch that. Just answer \"yes\" or \"no\", or press a button below.");
  public static final Text REPROMPT_NUMBER = Text.of(
      "Maaf, saya perlu jawaban berupa angka{range}. Boleh dicoba lagi?",
      "Sorry, I need a number{range} here. Could you try again?");
  public static final Text REPROMPT_TEXT = Text.of(
      "Maaf, jawaban itu belum bisa saya terima{limits}. Boleh dicoba lagi?",
      "Sorry, I can't take that answer yet{limits}. Could you try again?");
  /** A message with nothing visible in it (only spaces, or only characters that are taken out: see {@link VisibleText}). */
  public static final Text EMPTY_MESSAGE = Text.of(
      "Maaf, pesan Anda sepertinya kosong: tidak ada tulisan yang bisa saya baca. Boleh ditulis lagi?",
      "Sorry, your message seems to be empty: there is no writing I can read. Could you write it again?");
  public static final Text REPROMPT_CONTACT = Text.of(
      "Silakan tekan tombol \"Bagikan nomor\" di bawah, atau ketik nomor HP Anda (contoh 0812 3456 7890).",
      "Please press the \"Share number\" button below, or type your phone number (e.g. 0812 3456 7890).");
  public static final Text SHARE_CONTACT = Text.of("Bagikan nomor", "Share number");
  public static final Text STALE_BUTTON = Text.of(
      "Tombol itu dari pertanyaan sebelumnya. Kita lanjutkan di sini ya:",
      "That button belongs to an earlier question. Let's carry on here:");
  public static final Text UNSUPPORTED = Text.of(
      "Terima kasih. Saya belum bisa membaca {what}, tetapi pesan Anda tersimpan dan konselor akan bisa melihatnya. Untuk saat ini, boleh dijawab dengan tulisan?",
      "Thank you. I can't read {what} yet, but your message is kept and a counselor will be able to see it. For now, could you answer in writing?");
  public static final Text OFFER_PERSON = Text.of(
      "Sepertinya pertanyaan ini kurang jelas dari saya, maaf. Apakah Anda ingin langsung bicara dengan konselor?",
      "I think my question wasn't clear, sorry. Would you like to talk to a counselor directly?");
  public static final Text PERSON_REQUESTED = Text.of(
      "Baik, saya hubungkan Anda dengan konselor. Mohon tunggu sebentar; semua yang Anda tulis akan sampai kepada mereka.",
      "Alright, I'm connecting you with a counselor. Please wait a moment; everything you write will reach them.");
  public static final Text ALREADY_WAITING = Text.of(
      "Anda sudah dalam antrean untuk konselor. Silakan tulis apa saja yang ingin Anda sampaikan; semuanya akan sampai kepada mereka.",
      "You are already in line for a counselor. Write anything you'd like to share; it will all reach them.");
  public static final Text CONFIRM_STOP = Text.of(
      "Apakah Anda ingin berhenti sekarang? Anda bisa kembali kapan saja dengan mengetik /start.",
      "Do you want to stop now? You can come back any time by typing /start.");
  public static final Text STOPPED = Text.of(
      "Baik, kita berhenti di sini. Terima kasih sudah menghubungi kami. Kalau Anda butuh bantuan, kami ada di sini. Dalam keadaan darurat:\n{help_contacts}",
      "Alright, we'll stop here. Thank you for reaching out. If you need help, we are here. In an emergency:\n{help_contacts}");
  public static final Text CONTINUE = Text.of("Baik, kita lanjutkan.", "Alright, let's continue.");
  public static final Text WE_CONTINUE = Text.of(
      "Kita lanjutkan dari sini ya.", "Let's carry on from here.");
  public static final Text HELP = Text.of(
      "Anda bisa kapan saja:\n/konselor – bicara dengan konselor\n/lewati – melewati pertanyaan yang tidak wajib\n/berhenti – berhenti\n/hapus – menghapus data Anda\n/english – English\n\nDalam keadaan darurat:\n{help_contacts}",
      "At any time you can:\n/konselor – talk to a counselor\n/lewati – skip a question that isn't required\n/berhenti – stop\n/hapus – erase your data\n/indonesia – Bahasa Indonesia\n\nIn an emergency:\n{help_contacts}");
  public static final Text NOT_SKIPPABLE = Text.of(
      "Pertanyaan ini kami perlukan untuk bisa membantu. Kalau Anda tidak ingin menjawab, ketik /konselor untuk langsung bicara dengan konselor.",
      "We need this question to be able to help. If you'd rather not answer, type /konselor to talk to a counselor directly.");
  public static final Text UNKNOWN_COMMAND = Text.of(
      "Perintah itu belum saya kenal. Ketik /bantuan untuk melihat apa yang bisa dilakukan.",
      "I don't know that command yet. Type /bantuan to see what you can do.");
  public static final Text LANGUAGE_SET = Text.of(
      "Baik, kita lanjutkan dalam Bahasa Indonesia.", "Alright, we'll continue in English.");
  public static final Text CRISIS_WHILE_WAITING = Text.of(
      "Terima kasih sudah memberi tahu. Keselamatan Anda yang utama. Anda sudah kami dahulukan dalam antrean. Kalau Anda dalam bahaya sekarang, segera hubungi:\n{help_contacts}",
      "Thank you for telling us. Your safety comes first. We have moved you to the front of the line. If you are in danger right now, please contact:\n{help_contacts}");
  public static final Text SOMETHING_WRONG = Text.of(
      "Maaf, ada yang tidak beres di pihak kami. Saya hubungkan Anda dengan konselor.",
      "Sorry, something went wrong on our side. I'm connecting you with a counselor.");
  public static final Text STORY_LIMIT = Text.of(
      "Terima kasih sudah bercerita sebanyak ini. Semua sudah saya catat untuk konselor.",
      "Thank you for sharing so much. I've kept all of it for the counselor.");

  public static final Text GO_ON = Text.of("Silakan lanjutkan, saya di sini.", "Please go on, I'm here.");
  /** In crisis, after a message that answers no question: never "I didn't understand". */
  public static final Text KEPT_FOR_COUNSELOR = Text.of(
      "Terima kasih sudah menulis. Semua yang Anda tulis saya sampaikan kepada konselor.",
      "Thank you for writing. Everything you write reaches the counselor.");

  /** Short, varied, non-judging acknowledgements during ventilation. */
  public static final List<Text> ACKNOWLEDGEMENTS = List.of(
      Text.of("Saya mendengarkan.", "I'm listening."),
      Text.of("Terima kasih sudah mau bercerita.", "Thank you for telling me."),
      Text.of("Itu pasti tidak mudah.", "That must not be easy."),
      Text.of("Silakan lanjutkan, saya di sini.", "Please go on, I'm here."),
      Text.of("Saya catat semuanya untuk konselor.", "I'm keeping all of this for the counselor."),
      Text.of("Perasaan Anda wajar.", "What you feel makes sense."));

  /** Words that end ventilation when written on their own. */
  public static final List<String> END_PHRASES = List.of(
      "sudah", "udah", "udh", "sdh", "sudah itu saja", "itu saja", "itu aja", "cukup", "selesai",
      "sudah cukup", "udah itu aja", "done", "that's all", "thats all", "that is all", "finished", "i'm done", "im done");

  public static final List<String> YES_WORDS = List.of(
      "ya", "iya", "y", "yes", "yup", "yep", "ok", "oke", "okay", "boleh", "setuju", "bersedia", "mau", "yaa", "iyaa", "sure");
  public static final List<String> NO_WORDS = List.of(
      "tidak", "tdk", "ga", "gak", "gk", "nggak", "ngga", "enggak", "engga", "no", "nope", "n", "tidak mau", "tidak setuju", "jangan");
  public static final List<String> SKIP_WORDS = List.of("lewati", "skip", "lewat", "/lewati", "/skip");
}
