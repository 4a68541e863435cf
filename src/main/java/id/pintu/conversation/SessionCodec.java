package id.pintu.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.dialog.SessionState;
import java.util.LinkedHashMap;
import java.util.Map;

/** Engine state to and from the JSON kept in the sessions table and on the case. */
public final class SessionCodec {
  private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public String write(SessionState s) {
    return str(s);
  }

  public SessionState read(String stored) {
    try {
      return stored == null ? null : json.readValue(stored, SessionState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored session cannot be read", e);
    }
  }

  public String intake(SessionState s) {
    return str(s.fields());
  }

  public String story(SessionState s) {
    return str(s.story());
  }

  public String flags(SessionState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flags", s.flags());
    m.put("evidence", s.evidence());
    m.put("techniques", s.techniques());
    return str(m);
  }

  private String str(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
