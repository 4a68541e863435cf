package id.pintu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one bot message against the reply a scripted step expects: the same text and the
 * same inline buttons (label and callback data, row by row). Used by {@link PeerCompare} on
 * every reply of both bots, so neither wins by skipping work.
 */
final class ReplyCheck {
  /** A reply: its text and its inline buttons as rows of [label, callback data] (one button a row). */
  record Expected(String text, List<List<String>> buttons) {}

  private final ObjectMapper json;

  ReplyCheck(ObjectMapper json) {
    this.json = json;
  }

  /** The buttons of a {@code reply_markup}, or an empty list; each button as [label, data]. */
  List<List<String>> buttons(String replyMarkupJson) {
    List<List<String>> out = new ArrayList<>();
    if (replyMarkupJson == null || replyMarkupJson.isBlank()) return out;
    try {
      JsonNode kb = json.readTree(replyMarkupJson).path("inline_keyboard");
      for (JsonNode row : kb) {
        // One button a row, as both bots lay them out; a wider row is marked so it cannot match.
        if (row.size() != 1) out.add(List.of("<row of " + row.size() + " buttons>", ""));
        for (JsonNode b : row) out.add(List.of(b.path("text").asText(), b.path("callback_data").asText()));
      }
    } catch (Exception e) {
      out.add(List.of("<unreadable reply_markup>", replyMarkupJson));
    }
    return out;
  }

  /** Null when {@code text}/{@code replyMarkupJson} is the expected reply, else what differs. */
  String mismatch(Expected want, String text, String replyMarkupJson) {
    if (!want.text().equals(text)) {
      return "text differs at char " + firstDifference(want.text(), text == null ? "" : text)
          + ":\n  want: " + abbreviate(want.text()) + "\n  got:  " + abbreviate(text);
    }
    List<List<String>> got = buttons(replyMarkupJson);
    if (!got.equals(want.buttons())) return "buttons differ:\n  want: " + want.buttons() + "\n  got:  " + got;
    return null;
  }

  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) if (a.charAt(i) != b.charAt(i)) return i;
    return n;
  }

  private static String abbreviate(String s) {
    if (s == null) return "null";
    String one = s.replace("\n", "\\n");
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}
