package id.pintu.dialog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.AbstractList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A dialog script as an admin writes it in {@code dialogs/<id>.yaml}. Immutable; the
 * {@code version} is assigned when the script is published (0 for a file not yet published).
 */
public record Script(
    String id, int version, Text title, String start, Map<String, FieldSpec> fields, List<Node> nodes) {

  public Script {
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    nodes = NodeList.of(nodes);
  }

  public Script withVersion(int v) {
    return new Script(id, v, title, start, fields, nodes);
  }

  /** The node with this id (the first, if an id is written twice), or null. */
  @JsonIgnore
  public Node node(String nodeId) {
    if (nodeId == null) return null;
    if (nodes instanceof NodeList nl) return nl.byId.get(nodeId);
    for (Node n : nodes) if (nodeId.equals(n.id())) return n;
    return null;
  }

  /**
   * The nodes, immutable, with an index by id: the engine looks nodes up several times per
   * step, and a linear scan was the top of the benchmark profile. Equal to any list of the
   * same nodes.
   */
  static final class NodeList extends AbstractList<Node> implements RandomAccess {
    private final List<Node> list;
    final Map<String, Node> byId;

    private NodeList(List<Node> list) {
      this.list = list;
      Map<String, Node> m = new HashMap<>(list.size() * 2);
      for (Node n : list) if (n != null && n.id() != null) m.putIfAbsent(n.id(), n);
      this.byId = m;
    }

    static List<Node> of(List<Node> nodes) {
      if (nodes instanceof NodeList nl) return nl;
      return new NodeList(nodes == null ? List.of() : List.copyOf(nodes));
    }

    @Override
    public Node get(int i) {
      return list.get(i);
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  @JsonIgnore
  public String startNode() {
    return start != null ? start : nodes.isEmpty() ? null : nodes.get(0).id();
  }

  public FieldSpec field(String name) {
    return fields.get(name);
  }
}
