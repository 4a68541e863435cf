package id.pintu.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.store.DeskStore.DeskCase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The handover card a counselor reads first: the topic name and the card text (HTML parse
 * mode) with everything the bot learned. Every piece of family text is HTML-escaped.
 */
public final class HandoverCard {
  static final int TOPIC_MAX = 128;
  static final int TEXT_MAX = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

  private static final Map<String, String> PROBLEMS = Map.of(
      "conflict", "Konflik keluarga", "parenting", "Pengasuhan anak", "child", "Perilaku anak",
      "violence", "Kekerasan di rumah", "money", "Kesulitan ekonomi", "other", "Lainnya");
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("name", "Nama panggilan");
    LABELS.put("age", "Usia");
    LABELS.put("age_group", "Kelompok usia");
    LABELS.put("area", "Kabupaten/kota");
    LABELS.put("problem", "Bidang masalah");
    LABELS.put("problem_other", "Masalah lain");
    LABELS.put("referred_by", "Dirujuk oleh");
    LABELS.put("contact_time", "Waktu dihubungi");
  }

  private final java.util.function.Supplier<ZoneId> zone;

  public HandoverCard(java.util.function.Supplier<ZoneId> zone) {
    this.zone = zone;
  }

  /** {@code #128 · Konflik keluarga · URGENT}, within Telegram's 128 characters. */
  public String topicName(DeskCase k) {
    Map<String, String> intake = map(k.intake());
    String problem = intake.get("problem");
    String label = problem == null ? null : PROBLEMS.getOrDefault(problem, problem);
    if ("other".equals(problem) && intake.get("problem_other") != null) label = Html.clip(intake.get("problem_other").strip(), 40);
    if (label == null) label = "crisis".equals(k.queue()) ? "Krisis" : "Kasus baru";
    String suffix = k.urgent() ? " · URGENT" : "high".equals(k.priority()) ? " · PENTING" : "";
    String name = "#" + k.id() + " · " + label.replaceAll("\\s+", " ");
    return Html.clip(name, TOPIC_MAX - suffix.length()) + suffix;
  }

  /** The card's HTML text. */
  public String text(DeskCase k, Instant consentAt, Instant now) {
    for (int budget = 2400; ; budget /= 2) {
      String t = build(k, consentAt, now, budget);
      if (t.length() <= TEXT_MAX || budget < 50) return t.length() <= TEXT_MAX ? t : t.substring(0, TEXT_MAX);
    }
  }

  private String build(DeskCase k, Instant consentAt, Instant now, int storyBudget) {
    Map<String, String> intake = map(k.intake());
    JsonNode flags = tree(k.flags());
    StringBuilder b = new StringBuilder();
    b.append("<b>").append(Html.esc(topicName(k))).append("</b>\n");
    if (k.urgent()) b.append("⚠️ <b>URGENT: tanda bahaya. Tangani lebih dulu.</b>\n");
    b.append("Bahasa: ").append(Html.esc(k.lang()));
    if (k.handedOffAt() != null) {
      long min = Math.max(0, Duration.between(k.handedOffAt(), now).toMinutes());
      b.append(" · menunggu sejak ").append(at(k.handedOffAt())).append(" (").append(min).append(" menit)");
    }
    b.append('\n');
    b.append("Persetujuan data: ").append(Html.esc(intake.getOrDefault("consent", "-")))
        .append(consentAt == null ? "" : " pada " + at(consentAt)).append('\n');
    b.append("Yang menulis: ").append(Html.esc(intake.getOrDefault("writer", "-"))).append('\n');
    b.append("Sukarela/dirujuk: ").append(Html.esc(intake.getOrDefault("came_by", "-"))).append('\n');
    if (k.previousCaseId() != null) b.append("Kasus sebelumnya: #").append(k.previousCaseId()).append('\n');

    List<String> flagList = strings(flags.path("flags"));
    List<String> evidence = strings(flags.path("evidence"));
    b.append("\n<b>Tanda risiko</b>: ").append(flagList.isEmpty() ? "tidak ada" : Html.esc(String.join(", ", flagList))).append('\n');
    for (String e : evidence) b.append("• “").append(Html.esc(Html.clip(e, 200))).append("”\n");

    b.append("\n<b>Data awal</b>\n");
    for (Map.Entry<String, String> e : intake.entrySet()) {
      if (List.of("consent", "writer", "came_by").contains(e.getKey())) continue;
      String label = LABELS.getOrDefault(e.getKey(), e.getKey());
      b.append(Html.esc(label)).append(": ").append(Html.esc(Html.clip(e.getValue(), 200))).append('\n');
    }

    List<String> story = strings(tree(k.story()));
    b.append("\n<b>Cerita (kata-kata keluarga)</b>\n");
    if (story.isEmpty()) b.append("(belum ada)\n");
    else {
      StringBuilder raw = new StringBuilder();
      for (String part : story) raw.append(part).append('\n');
      b.append("<blockquote>").append(Html.esc(Html.clip(raw.toString().strip(), storyBudget))).append("</blockquote>\n");
    }
    List<String> techniques = strings(flags.path("techniques"));
    b.append("\nTeknik yang dipakai bot: ").append(techniques.isEmpty() ? "-" : Html.esc(String.join(", ", techniques))).append('\n');
    if (k.handoffReason() != null) b.append("Alasan diserahkan: ").append(Html.esc(k.handoffReason())).append('\n');
    return b.toString();
  }

  /** Ambil kasus / Lepas / Tutup; callback data well within 64 bytes. */
  public static InlineKeyboardMarkup buttons(long caseId, boolean crisis) {
    InlineKeyboardMarkup m = buttons(caseId);
    if (!crisis) return m;
    InlineKeyboardRow row = new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("Bukan darurat (alarm palsu)").callbackData("d:falsealarm:" + caseId).build());
    java.util.List<InlineKeyboardRow> rows = new java.util.ArrayList<>(m.getKeyboard());
    rows.add(row);
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  public static InlineKeyboardMarkup buttons(long caseId) {
    InlineKeyboardRow row = new InlineKeyboardRow(
        InlineKeyboardButton.builder().text("Ambil kasus").callbackData("d:claim:" + caseId).build(),
        InlineKeyboardButton.builder().text("Lepas").callbackData("d:release:" + caseId).build(),
        InlineKeyboardButton.builder().text("Tutup").callbackData("d:close:" + caseId).build());
    return InlineKeyboardMarkup.builder().keyboardRow(row).build();
  }

  private String at(Instant i) {
    ZoneId z = zone.get();
    return TIME.format(i.atZone(z)) + " " + id.pintu.dialog.OfficeHours.zoneLabel(z);
  }

  static Map<String, String> map(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = tree(json);
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
    }
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static JsonNode tree(String json) {
    try {
      JsonNode n = json == null ? null : JSON.readTree(json);
      return n == null ? JSON.createObjectNode() : n;
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }
}
