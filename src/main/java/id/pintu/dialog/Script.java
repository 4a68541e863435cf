package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dialog script as an admin writes it in {@code dialogs/<id>.yaml}. Immutable; the
 * {@code version} is assigned when the script is published (0 for a file not yet published).
 */
public record Script(
    String id, int version, Text title, String start, Map<String, FieldSpec> fields, List<Node> nodes) {

  public Script {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
  }

  public Script withVersion(int v) {
    return new Script(id, v, title, start, fields, nodes);
  }

  /** The node with this id, or null. Scripts are small: a scan beats an extra index here. */
  @JsonIgnore
  public Node node(String nodeId) {
    if (nodeId == null) return null;
    for (Node n : nodes) if (nodeId.equals(n.id())) return n;
    return null;
  }

  @JsonIgnore
  public String startNode() {
    return start != null ? start : nodes.isEmpty() ? null : nodes.get(0).id();
  }

  public FieldSpec field(String name) {
    return fields.get(name);
  }
}
