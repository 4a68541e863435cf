package id.pintu.admin;

import id.pintu.dialog.BranchRule;
import id.pintu.dialog.Condition;
import id.pintu.dialog.Node;
import id.pintu.dialog.Option;
import id.pintu.dialog.Script;
import id.pintu.dialog.Technique;
import id.pintu.dialog.Text;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A script as a Mermaid flowchart: the path a family takes. The node's shape shows its
 * kind (ask, listen, branch, ...), its colour class the helping technique it applies.
 */
public final class MermaidGraph {
  private MermaidGraph() {}

  public static String of(Script s) {
    StringBuilder b = new StringBuilder();
    b.append("---\ntitle: ").append(clean(title(s))).append(" (").append(s.id()).append(" v").append(s.version()).append(")\n---\n");
    b.append("flowchart TD\n");
    b.append("  classDef small_talk fill:#fff3c4,stroke:#b38f00\n");
    b.append("  classDef ventilation fill:#d7ecff,stroke:#2b6cb0\n");
    b.append("  classDef support fill:#dcf5dc,stroke:#2f855a\n");
    b.append("  classDef reassurance fill:#e9ddff,stroke:#6b46c1\n");
    b.append("  classDef information fill:#eeeeee,stroke:#555555\n");
    b.append("  classDef intake fill:#ffe0cc,stroke:#c05621\n");
    b.append("  classDef elsewhere fill:#ffffff,stroke:#999999,stroke-dasharray: 4 4\n");
    String start = s.startNode();
    if (start != null) b.append("  start((start)) --> ").append(id(start)).append('\n');
    Set<String> external = new LinkedHashSet<>();
    for (Node n : s.nodes()) {
      b.append("  ").append(shape(n)).append('\n');
      if (n instanceof Node.Say say) {
        edge(b, n, say.next(), null);
      } else if (n instanceof Node.Ask ask) {
        for (Option o : ask.options()) edge(b, n, o.next() != null ? o.next() : ask.next(), o.value());
        if (ask.options().isEmpty()) edge(b, n, ask.next(), "answer");
        if (ask.skip() && ask.next() != null) edge(b, n, ask.next(), "skip");
      } else if (n instanceof Node.Listen l) {
        edge(b, n, l.next(), "done");
      } else if (n instanceof Node.Branch br) {
        for (BranchRule r : br.rules()) edge(b, n, r.next(), describe(r.when()));
        edge(b, n, br.otherwise(), "otherwise");
      } else if (n instanceof Node.Goto g) {
        String target = "x_" + safe(g.script() + "_" + (g.node() == null ? "start" : g.node()));
        if (external.add(target)) {
          b.append("  ").append(target).append("[\"").append(clean(g.script() + (g.node() == null ? "" : " › " + g.node())))
              .append("\"]:::elsewhere\n");
        }
        b.append("  ").append(id(n.id())).append(" -.-> ").append(target).append('\n');
      }
    }
    for (Node n : s.nodes()) {
      Technique t = n.technique();
      if (t != null) b.append("  class ").append(id(n.id())).append(' ').append(t.wire()).append('\n');
    }
    return b.toString();
  }

  private static String title(Script s) {
    Text t = s.title();
    String v = t == null ? null : t.in("id");
    return v == null || v.isBlank() ? s.id() : v;
  }

  private static void edge(StringBuilder b, Node from, String to, String label) {
    if (to == null) return;
    b.append("  ").append(id(from.id())).append(" -->");
    if (label != null && !label.isBlank()) b.append("|\"").append(clean(label)).append("\"|");
    b.append(' ').append(id(to)).append('\n');
  }

  private static String describe(Condition c) {
    if (c == null) return "when";
    StringBuilder b = new StringBuilder();
    if (c.flag() != null) b.append("flag ").append(c.flag());
    if (c.field() != null) {
      if (b.length() > 0) b.append(" and ");
      b.append(c.field());
      if (c.equals() != null) b.append(" = ").append(c.equals());
      else if (c.in() != null) b.append(" in ").append(String.join("/", c.in()));
      else if (c.present() != null) b.append(c.present() ? " given" : " not given");
    }
    return b.toString();
  }

  private static String shape(Node n) {
    String label = "<b>" + clean(n.id()) + "</b><br/>" + n.kind() + (n.technique() == null ? "" : " · " + n.technique().wire().replace('_', ' '));
    String q = "\"" + label + "\"";
    String id = id(n.id());
    if (n instanceof Node.Ask) return id + "[/" + q + "/]";
    if (n instanceof Node.Listen) return id + "([" + q + "])";
    if (n instanceof Node.Branch) return id + "{" + q + "}";
    if (n instanceof Node.Handoff) return id + "[[" + q + "]]";
    if (n instanceof Node.End) return id + "(((" + q + ")))";
    if (n instanceof Node.Goto) return id + ">" + q + "]";
    return id + "[" + q + "]";
  }

  static String id(String nodeId) {
    return "n_" + safe(nodeId);
  }

  private static String safe(String s) {
    return s == null ? "null" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace("\"", "#quot;").replace("\n", " ");
  }
}
