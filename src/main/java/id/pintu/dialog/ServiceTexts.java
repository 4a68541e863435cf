package id.pintu.dialog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service-wide texts from {@code dialogs/service.yaml}: the service's name, hours,
 * location, help contacts and referral partners, written once and quoted by every script
 * as placeholders ({@code {help_contacts}}, {@code {service.hours}}, ...), and the words of
 * the direct safety question ({@code ask_directly:}, see {@link DirectQuestion}).
 */
public record ServiceTexts(Map<String, Text> service, List<HelpContact> helpContacts, List<Referral> referrals,
                           OfficeHours officeHours, List<Problem> officeHoursProblems, Map<String, Text> askDirectly) {

  /** A help line shown to families, e.g. SAPA 129. */
  public record HelpContact(String name, String phone, String whatsapp, String web, Text what, Text when) {}

  /** A referral partner counselors can refer a family to. */
  public record Referral(String id, String name, String kind, String phone, String address, Text note) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ServiceTexts {
    service = service == null ? Map.of() : Map.copyOf(service);
    helpContacts = helpContacts == null ? List.of() : List.copyOf(helpContacts);
    referrals = referrals == null ? List.of() : List.copyOf(referrals);
    officeHours = officeHours == null ? OfficeHours.ALWAYS_OPEN : officeHours;
    officeHoursProblems = officeHoursProblems == null ? List.of() : List.copyOf(officeHoursProblems);
    askDirectly = askDirectly == null ? Map.of() : Map.copyOf(askDirectly);
  }

  public ServiceTexts(Map<String, Text> service, List<HelpContact> helpContacts, List<Referral> referrals) {
    this(service, helpContacts, referrals, null, null, null);
  }

  public static ServiceTexts parse(String yaml) throws IOException {
    Raw raw = YAML.readValue(yaml, Raw.class);
    if (raw == null) return new ServiceTexts(Map.of(), List.of(), List.of());
    List<OfficeHours.Issue> issues = new java.util.ArrayList<>();
    OfficeHours hours = OfficeHours.build(raw.office_hours, issues);
    List<Problem> problems = new java.util.ArrayList<>();
    for (OfficeHours.Issue i : issues) {
      int[] at = locate(yaml, i.near());
      problems.add(new Problem(DialogFolder.SERVICE_FILE, null, at[0], at[1], i.message()));
    }
    Map<String, Text> ask = new LinkedHashMap<>();
    if (raw.ask_directly != null) raw.ask_directly.forEach((k, v) -> { if (k != null && v != null) ask.put(k, v); });
    return new ServiceTexts(raw.service, raw.help_contacts, raw.referrals, hours, problems, ask);
  }

  /** What could not be read at all, with the line and column YAML or Jackson point at. */
  public static Problem unreadable(IOException e) {
    int line = 0;
    int col = 0;
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      line = Math.max(0, j.getLocation().getLineNr());
      col = Math.max(0, j.getLocation().getColumnNr());
    }
    String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    int nl = m == null ? -1 : m.indexOf('\n');
    return new Problem(DialogFolder.SERVICE_FILE, null, line, col, "cannot read the service texts: " + (nl > 0 ? m.substring(0, nl) : m));
  }

  /** Line and column (1-based) of {@code near} inside the office_hours section, else of the section. */
  static int[] locate(String yaml, String near) {
    String[] lines = yaml.split("\n", -1);
    int start = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("office_hours:")) {
        start = i;
        break;
      }
    }
    if (near != null && !near.isEmpty()) {
      for (int i = start; i < lines.length; i++) {
        int col = lines[i].indexOf(near);
        if (col >= 0) return new int[] {i + 1, col + 1};
      }
    }
    return new int[] {start + 1, 1};
  }

  private record Raw(Map<String, Text> service, List<HelpContact> help_contacts, List<Referral> referrals, OfficeHours.Spec office_hours,
                     Map<String, Text> ask_directly) {}

  /**
   * The texts a book shares: placeholders for scripts ({@code service.<key>} and
   * {@code help_contacts}), and the engine's direct-question texts as {@code ask_directly.<key>}
   * (so they travel with every book, pinned or drafted, without a field of their own).
   */
  public Map<String, Text> placeholders() {
    Map<String, Text> m = new LinkedHashMap<>();
    service.forEach((k, v) -> m.put("service." + k, v));
    askDirectly.forEach((k, v) -> m.put(DirectQuestion.PREFIX + k, v));
    m.put("help_contacts", Text.of(contactList("id"), contactList("en")));
    return m;
  }

  private String contactList(String lang) {
    StringBuilder b = new StringBuilder();
    for (HelpContact c : helpContacts) {
      if (b.length() > 0) b.append('\n');
      b.append("• ").append(c.name());
      if (c.phone() != null) b.append(" – ").append("en".equals(lang) ? "call " : "telepon ").append(c.phone());
      if (c.whatsapp() != null) b.append(", WhatsApp ").append(c.whatsapp());
      if (c.web() != null) b.append(", ").append(c.web());
      if (c.what() != null) b.append(" (").append(c.what().in(lang));
      if (c.when() != null) b.append(c.what() != null ? "; " : " (").append(c.when().in(lang));
      if (c.what() != null || c.when() != null) b.append(')');
    }
    return b.toString();
  }
}
