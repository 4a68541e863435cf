package id.pintu.dialog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a family's input as an answer to an {@code ask} node, or says it is not one. */
final class AnswerReader {
  private AnswerReader() {}

  static final List<Option> YES_NO = List.of(
      new Option("yes", Phrases.YES, null), new Option("no", Phrases.NO, null));

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{6,18}[0-9]$");

  /** The accepted answer, or null when the input does not answer this question. */
  static Engine.Answer read(Node.Ask a, Input input, String lang) {
    InputKind kind = a.input() == null ? InputKind.TEXT : a.input();
    return switch (kind) {
      case CHOICE, YESNO -> choice(a, input);
      case TEXT -> input instanceof Input.Text t ? text(a, t.text()) : null;
      case NUMBER -> input instanceof Input.Text t ? number(a, t.text()) : null;
      case CONTACT -> contact(input);
    };
  }

  private static Engine.Answer choice(Node.Ask a, Input input) {
    List<Option> opts = a.options().isEmpty() && a.input() == InputKind.YESNO ? YES_NO : a.options();
    if (input instanceof Input.Choice c) {
      for (Option o : opts) {
        if (Callback.option(a.id(), o.value()).equals(c.data())) return new Engine.Answer(o.value(), o.next());
      }
      return null;
    }
    if (!(input instanceof Input.Text t)) return null;
    String w = Engine.normalise(t.text());
    // A typed number picks the n-th button, as in the simulator.
    if (isSmallNumber(w)) {
      int i = Integer.parseInt(w) - 1;
      if (i >= 0 && i < opts.size()) return new Engine.Answer(opts.get(i).value(), opts.get(i).next());
    }
    for (Option o : opts) {
      if (o.value().equalsIgnoreCase(w)) return new Engine.Answer(o.value(), o.next());
      if (o.label() != null) {
        for (String l : o.label().byLang().values()) {
          if (Engine.normalise(l).equals(w)) return new Engine.Answer(o.value(), o.next());
        }
      }
    }
    if (a.input() == InputKind.YESNO) {
      String v = Phrases.YES_WORDS.contains(w) ? "yes" : Phrases.NO_WORDS.contains(w) ? "no" : null;
      if (v != null) {
        for (Option o : opts) if (o.value().equals(v)) return new Engine.Answer(o.value(), o.next());
      }
    }
    return null;
  }

  private static boolean isSmallNumber(String w) {
    int n = w.length();
    if (n < 1 || n > 2) return false;
    for (int i = 0; i < n; i++) if (w.charAt(i) < '0' || w.charAt(i) > '9') return false;
    return true;
  }

  private static Engine.Answer text(Node.Ask a, String raw) {
    String v = raw == null ? "" : raw.trim();
    if (v.isEmpty()) return null;
    int len = v.codePointCount(0, v.length());
    if (a.minLength() != null && len < a.minLength()) return null;
    if (a.maxLength() != null && len > a.maxLength()) return null;
    Pattern p = pattern(a.pattern());
    if (p != null && !p.matcher(v).matches()) return null;
    return new Engine.Answer(v, null);
  }

  private static final Map<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

  /**
   * The compiled pattern, cached (compiling on every answer is slow). A pattern that does not
   * compile is the validator's to report; here it is ignored, so the family is not blocked.
   */
  static Pattern pattern(String regex) {
    if (regex == null) return null;
    return PATTERNS.computeIfAbsent(regex, r -> {
      try {
        return Optional.of(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        return Optional.empty();
      }
    }).orElse(null);
  }

  private static Engine.Answer number(Node.Ask a, String raw) {
    Matcher m = NUMBER.matcher(raw == null ? "" : raw);
    if (!m.find()) return null;
    double d = Double.parseDouble(m.group().replace(',', '.'));
    if (a.min() != null && d < a.min()) return null;
    if (a.max() != null && d > a.max()) return null;
    String v = d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    return new Engine.Answer(v, null);
  }

  private static Engine.Answer contact(Input input) {
    String phone = null;
    if (input instanceof Input.Contact c) phone = c.phone();
    else if (input instanceof Input.Text t && t.text() != null && PHONE.matcher(t.text().trim()).matches()) phone = t.text().trim();
    return phone == null || phone.isBlank() ? null : new Engine.Answer(phone.replaceAll("[ ()\\-]", ""), null);
  }

  /** The default kind re-prompt for a node: says what is expected. */
  static Text reprompt(Node.Ask a) {
    InputKind kind = a.input() == null ? InputKind.TEXT : a.input();
    return switch (kind) {
      case CHOICE -> Phrases.REPROMPT_CHOICE;
      case YESNO -> Phrases.REPROMPT_YESNO;
      case CONTACT -> Phrases.REPROMPT_CONTACT;
      case NUMBER -> fill(Phrases.REPROMPT_NUMBER, "{range}", range(a, "id"), range(a, "en"));
      case TEXT -> fill(Phrases.REPROMPT_TEXT, "{limits}", limits(a, "id"), limits(a, "en"));
    };
  }

  private static Text fill(Text t, String key, String id, String en) {
    return Text.of(t.in("id").replace(key, id), t.in("en").replace(key, en));
  }

  private static String num(Double d) {
    return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
  }

  private static String range(Node.Ask a, String lang) {
    boolean en = "en".equals(lang);
    if (a.min() != null && a.max() != null) return (en ? " from " : " dari ") + num(a.min()) + (en ? " to " : " sampai ") + num(a.max());
    if (a.min() != null) return (en ? " of at least " : " minimal ") + num(a.min());
    if (a.max() != null) return (en ? " of at most " : " maksimal ") + num(a.max());
    return "";
  }

  private static String limits(Node.Ask a, String lang) {
    boolean en = "en".equals(lang);
    StringBuilder b = new StringBuilder();
    if (a.minLength() != null) b.append(en ? " (at least " : " (minimal ").append(a.minLength()).append(en ? " characters)" : " huruf)");
    if (a.maxLength() != null) b.append(en ? " (at most " : " (maksimal ").append(a.maxLength()).append(en ? " characters)" : " huruf)");
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
