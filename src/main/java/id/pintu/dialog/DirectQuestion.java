package id.pintu.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asking directly about danger, the way crisis counselors do (direct-asking practice such as
 * the ASQ screening questions): when the crisis screen only raises a concern, the bot asks
 * plainly whether the family is in danger now. Asking does not plant the idea; it is how risk
 * is found. Any answer other than a clear "no" is treated as a yes.
 *
 * <p>The questions depend on what the screen noticed; their words live in
 * {@code dialogs/service.yaml} under {@code ask_directly:} (admin-editable, checked by the
 * validator) and reach the engine with the book's shared texts as {@code ask_directly.<key>}.
 * The defaults below are used for a key the admin did not write.
 */
public final class DirectQuestion {
  private DirectQuestion() {}

  /** Prefix of the direct-question texts among a book's shared texts. */
  public static final String PREFIX = "ask_directly.";

  /** The question keys, in the order the engine prefers them when one message raises several. */
  public static final String SUICIDE = "suicide";
  public static final String HURT = "hurt";
  public static final String HARM_OTHERS = "harm_others";
  public static final String MEDICAL = "medical";
  /** For a category the engine does not know (the screen may learn new ones). */
  public static final String DANGER = "danger";

  public static final String AFTER_NO = "after_no";
  public static final String YES = "yes";
  public static final String NO = "no";
  public static final String UNSURE = "unsure";

  /** Which question each of the screen's categories leads to. */
  static final Map<String, String> QUESTION_OF = Map.of(
      "suicide_self_harm", SUICIDE,
      "violence_home", HURT,
      "sexual_violence", HURT,
      "child_danger", HURT,
      "trafficking", HURT,
      "harm_to_others", HARM_OTHERS,
      "medical_emergency", MEDICAL);

  static final List<String> QUESTION_ORDER = List.of(SUICIDE, HURT, HARM_OTHERS, MEDICAL, DANGER);

  private static final String ASK = "Saya ingin bertanya langsung, karena ini penting: ";
  private static final String ASK_EN = "I'd like to ask you directly, because it matters: ";

  /** The texts used when service.yaml has none for a key. */
  public static final Map<String, Text> DEFAULTS = Map.of(
      SUICIDE, Text.of(ASK + "apakah Anda sedang berpikir untuk mengakhiri hidup?",
          ASK_EN + "are you thinking about ending your life?"),
      HURT, Text.of(ASK + "apakah saat ini ada yang menyakiti Anda atau seorang anak, atau Anda sedang dalam bahaya?",
          ASK_EN + "is someone hurting you or a child, or are you in danger, right now?"),
      HARM_OTHERS, Text.of(ASK + "apakah saat ini Anda sedang berpikir untuk menyakiti seseorang?",
          ASK_EN + "are you thinking about hurting someone right now?"),
      MEDICAL, Text.of(ASK + "apakah saat ini ada orang yang perlu segera ditolong dokter?",
          ASK_EN + "does someone need a doctor right now?"),
      DANGER, Text.of(ASK + "apakah Anda atau orang lain sedang dalam bahaya saat ini?",
          ASK_EN + "are you or someone else in danger right now?"),
      AFTER_NO, Text.of(
          "Terima kasih sudah menjawab. Kalau nanti keadaannya berubah, tulis saja di chat ini kapan pun, atau ketik /konselor untuk bicara dengan konselor.",
          "Thank you for answering. If things change later, just write in this chat at any time, or type /konselor to talk to a counselor."),
      YES, Text.of("Ya", "Yes"),
      NO, Text.of("Tidak", "No"),
      UNSURE, Text.of("Tidak yakin", "Not sure"));

  /** Every key service.yaml may set under {@code ask_directly:}. */
  public static final Set<String> KEYS = DEFAULTS.keySet();

  /** The question a category leads to; {@link #DANGER} for a category not known here. */
  static String questionOf(String category) {
    return QUESTION_OF.getOrDefault(category, DANGER);
  }

  /**
   * The categories that share {@code category}'s question: once it was asked for one of them,
   * asking again for another would repeat the very same words.
   */
  static List<String> sharingQuestion(String category) {
    String q = questionOf(category);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : QUESTION_OF.entrySet()) {
      if (e.getValue().equals(q) && !e.getKey().equals(category)) out.add(e.getKey());
    }
    out.sort(null);
    out.add(category); // last: the one that was asked about
    return out;
  }

  /** The text for {@code key}: the admin's from the shared texts, else the default. */
  static Text text(Map<String, Text> shared, String key) {
    Text t = shared.get(PREFIX + key);
    return t != null && t.has(Text.DEFAULT_LANG) ? t : DEFAULTS.get(key);
  }

  // ---- reading a typed answer --------------------------------------------------------------

  /** What a typed answer says. Only {@link #NO} keeps the family off the urgent path. */
  enum Reply {
    YES, NO, UNSURE,
    /** Anything else (a sentence, an emoji): read as "not sure", and kept in the story. */
    OTHER
  }

  /** Said after the answer and dropped before reading it: "nggak kok", "iya kak". */
  private static final Set<String> PARTICLES = Set.of(
      "kok", "koq", "sih", "deh", "dong", "kak", "kakak", "ka", "min", "mas", "mbak", "mba", "bu", "pak", "bang", "dok");

  private static final Set<String> YES_WORDS = collapsed(Set.of(
      "ya", "iya", "iyaa", "iye", "iyo", "y", "yes", "yep", "yup", "yeah", "yea", "betul", "benar", "bener", "he'eh",
      "heeh", "hooh", "ho'oh", "nggih", "inggih", "ya benar", "iya benar", "iya betul", "ya betul", "bener banget",
      "👍",
      // "not safe" answers yes to "are you in danger?"
      "gak aman", "ga aman", "nggak aman", "enggak aman", "engga aman", "ngga aman", "tidak aman", "tdk aman",
      "saya tidak aman", "aku tidak aman", "aku gak aman", "saya gak aman", "not safe", "i'm not safe", "im not safe",
      "i am not safe"));

  private static final Set<String> NO_WORDS = collapsed(Set.of(
      "tidak", "tdk", "tak", "gak", "ga", "gk", "nggak", "ngga", "enggak", "engga", "ndak", "nda", "no", "nope",
      "bukan", "tidak ada", "gak ada", "ga ada", "nggak ada", "enggak ada", "tidak perlu", "gak perlu", "nggak perlu",
      "ga perlu", "no need", "no one", "nobody",
      // "safe" answers no to "are you in danger?"
      "aman", "saya aman", "aku aman", "aman aman saja", "aman-aman saja", "aman aja", "aman saja", "baik baik saja",
      "baik-baik saja", "safe", "i'm safe", "im safe", "i am safe", "i'm fine", "im fine", "i am fine"));

  /** "I don't know" said in so many words: read as not sure, the counselor needs no copy of it. */
  private static final Set<String> UNSURE_WORDS = collapsed(Set.of(
      "gatau", "gak tau", "ga tau", "gk tau", "nggak tau", "enggak tau", "tidak tahu", "gak tahu", "nggak tahu", "ndak tau",
      "entah", "entahlah", "mungkin", "mungkin iya", "mungkin ya", "kayaknya", "sepertinya", "tidak yakin", "gak yakin",
      "ga yakin", "nggak yakin", "kurang yakin", "bingung", "maybe", "idk", "i don't know", "i dont know", "dunno",
      "not sure", "i'm not sure", "im not sure", "perhaps"));

  /**
   * Reads a typed answer to a direct question. Deliberately narrow on "no": only a clear no
   * (alone, with a particle, or followed by "I'm safe" after a comma) counts; everything else
   * is a yes or not sure, as the practice says.
   */
  static Reply read(String typed) {
    String t = Engine.normalise(typed);
    String bare = withoutParticles(t.replace(',', ' '));
    if (YES_WORDS.contains(collapse(bare))) return Reply.YES;
    if (NO_WORDS.contains(collapse(bare))) return Reply.NO;
    if (UNSURE_WORDS.contains(collapse(bare))) return Reply.UNSURE;
    // "tidak, saya aman" / "nggak kok, makasih": a no word, a comma, then something safe.
    int comma = t.indexOf(',');
    if (comma > 0) {
      String head = collapse(withoutParticles(t.substring(0, comma)));
      String tail = collapse(withoutParticles(t.substring(comma + 1).replace(',', ' ')));
      if (NO_WORDS.contains(head) && (NO_WORDS.contains(tail) || THANKS.contains(tail))) return Reply.NO;
    }
    return Reply.OTHER;
  }

  private static final Set<String> THANKS = collapsed(Set.of(
      "terima kasih", "makasih", "trims", "thanks", "thank you", "tq", "saya baik", "aku baik", "saya baik-baik saja"));

  private static String withoutParticles(String t) {
    String s = t.strip().replaceAll("\\s+", " ");
    while (true) {
      int sp = s.lastIndexOf(' ');
      if (sp < 0 || !PARTICLES.contains(s.substring(sp + 1))) return s;
      s = s.substring(0, sp);
    }
  }

  /** Letters typed twice or more count once ("iyaaa", "nggakkk"), on both sides of a comparison. */
  static String collapse(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (b.length() > 0 && b.charAt(b.length() - 1) == c && Character.isLetter(c)) continue;
      b.append(c);
    }
    return b.toString();
  }

  private static Set<String> collapsed(Set<String> words) {
    Set<String> out = new java.util.HashSet<>();
    for (String w : words) out.add(collapse(w));
    return Set.copyOf(out);
  }
}
