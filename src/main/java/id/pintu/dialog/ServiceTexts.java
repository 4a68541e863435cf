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
 * as placeholders ({@code {help_contacts}}, {@code {service.hours}}, ...).
 */
public record ServiceTexts(Map<String, Text> service, List<HelpContact> helpContacts, List<Referral> referrals) {

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
  }

  public static ServiceTexts parse(String yaml) throws IOException {
    Raw raw = YAML.readValue(yaml, Raw.class);
    return raw == null ? new ServiceTexts(Map.of(), List.of(), List.of())
        : new ServiceTexts(raw.service, raw.help_contacts, raw.referrals);
  }

  private record Raw(Map<String, Text> service, List<HelpContact> help_contacts, List<Referral> referrals) {}

  /** Placeholders for scripts: {@code service.<key>} and {@code help_contacts}. */
  public Map<String, Text> placeholders() {
    Map<String, Text> m = new LinkedHashMap<>();
    service.forEach((k, v) -> m.put("service." + k, v));
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
