package id.pintu.dialog;

/** Plain names for what the bot cannot read, in the family's language. */
final class MediaNames {
  private MediaNames() {}

  static String name(String what, String lang) {
    boolean en = "en".equals(lang);
    return switch (what == null ? "" : what) {
      case "sticker" -> en ? "stickers" : "stiker";
      case "photo" -> en ? "photos" : "foto";
      case "voice" -> en ? "voice notes" : "pesan suara";
      case "video", "video_note" -> en ? "videos" : "video";
      case "document" -> en ? "files" : "berkas";
      case "location" -> en ? "locations" : "lokasi";
      case "edited" -> en ? "edited messages" : "pesan yang diubah";
      default -> en ? "this kind of message" : "jenis pesan ini";
    };
  }
}
