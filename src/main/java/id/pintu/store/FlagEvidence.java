package id.pintu.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A case's flags JSON ({@code {"flags":[...],"evidence":[...],"techniques":[...]}}) with only
 * the evidence sealed: the evidence holds the family's own words, the flag names do not,
 * and supervisors filter the queue by flag name inside the store.
 */
public final class FlagEvidence {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FlagEvidence() {}

  public static String seal(FieldCipher cipher, long caseId, String flags) {
    ObjectNode o = object(flags);
    if (o == null || !o.has("evidence") || o.get("evidence").isTextual()) return flags;
    o.put("evidence", cipher.seal(SealedColumn.CASE_FLAG_EVIDENCE, caseId, o.get("evidence").toString()));
    return o.toString();
  }

  public static String open(FieldCipher cipher, long caseId, String flags) {
    ObjectNode o = object(flags);
    if (o == null || !o.path("evidence").isTextual()) return flags;
    String plain = cipher.open(SealedColumn.CASE_FLAG_EVIDENCE, caseId, o.get("evidence").asText());
    try {
      o.set("evidence", JSON.readTree(plain));
    } catch (JsonProcessingException e) {
      throw new SealBroken(SealedColumn.CASE_FLAG_EVIDENCE, "The flag evidence of case " + caseId + " is not JSON after opening.");
    }
    return o.toString();
  }

  /** True when the evidence is plain or sealed under an old key. */
  public static boolean stale(FieldCipher cipher, String flags) {
    ObjectNode o = object(flags);
    if (o == null || !o.has("evidence")) return false;
    JsonNode e = o.get("evidence");
    return !e.isTextual() || cipher.stale(e.asText());
  }

  private static ObjectNode object(String json) {
    if (json == null || json.isBlank()) return null;
    try {
      JsonNode n = JSON.readTree(json);
      return n instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
