package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default dialogs/ folder a service starts with: it reads without problems and the
 * scripts hold together. The full rule set is the validator's; these are the basics a
 * family would notice first.
 */
class DefaultDialogsTest {
  static final DialogFolder.Contents DIALOGS = DialogFolder.read(Path.of("dialogs"));

  @Test
  void everyScriptParses() {
    assertEquals(List.of(), DIALOGS.problems());
    assertEquals(Set.of("first-contact", "crisis", "info"), DIALOGS.scripts().keySet());
  }

  @Test
  void everyNodeHasATechniqueBothLanguagesAndAKnownNext() {
    List<String> wrong = new ArrayList<>();
    for (Script s : DIALOGS.scripts().values()) {
      for (Node n : s.nodes()) {
        String at = s.id() + "/" + n.id();
        if (n.technique() == null) wrong.add(at + ": no technique");
        for (Text t : texts(n)) {
          if (!t.has("id") || !t.has("en")) wrong.add(at + ": text without id or en: " + t.byLang());
        }
        for (String next : nexts(n)) {
          if (next == null) continue;
          if (s.node(next) == null) wrong.add(at + ": next '" + next + "' is not a node");
        }
        if (n instanceof Node.Goto g && DIALOGS.scripts().get(g.script()) == null) wrong.add(at + ": goto unknown script");
        if (n instanceof Node.Ask a) {
          if (a.capture() != null && s.field(a.capture()) == null) wrong.add(at + ": field '" + a.capture() + "' not declared");
          for (Option o : a.options()) {
            if (Callback.bytes(Callback.option(a.id(), o.value())) > Callback.MAX_BYTES) wrong.add(at + ": callback too long");
            if (!o.value().matches("[a-z0-9_-]+")) wrong.add(at + ": value '" + o.value() + "' is not short ASCII");
            if (o.label().in("id").length() > 30 || o.label().in("en").length() > 30) wrong.add(at + ": long button label " + o.label().byLang());
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void crisisHasNoSmallTalkAndHandsOffUrgently() {
    Script crisis = DIALOGS.scripts().get(ScriptBook.CRISIS);
    assertNotNull(crisis);
    assertTrue(crisis.nodes().stream().noneMatch(n -> n.technique() == Technique.SMALL_TALK));
    assertTrue(crisis.nodes().stream().anyMatch(n -> n instanceof Node.Handoff h
        && "crisis".equals(h.queue()) && h.priority() == Priority.URGENT));
    Node first = crisis.node(crisis.startNode());
    assertTrue(first instanceof Node.Say say && say.text().get(0).in("id").contains("{help_contacts}"),
        "help contacts come first");
  }

  @Test
  void serviceTextsHoldTheHelpContactsAndTheReferralDirectory() {
    ServiceTexts svc = DIALOGS.service();
    String contacts = svc.placeholders().get("help_contacts").in("id");
    for (String must : List.of("129", "08111-129-129", "110", "112", "119 ext. 8", "healing119.id")) {
      assertTrue(contacts.contains(must), must + " in " + contacts);
    }
    assertTrue(contacts.contains("belum aktif di semua"), "112 is not active everywhere");
    List<String> ids = svc.referrals().stream().map(ServiceTexts.Referral::id).toList();
    assertEquals(List.of("rs", "polisi", "lbh", "dinsos", "sapa129", "uptd-ppa", "puspaga"), ids);
    for (String key : List.of("name", "about", "services", "hours", "address", "visit", "partners", "come_back")) {
      Text t = svc.service().get(key);
      assertNotNull(t, key);
      assertTrue(t.has("id") && t.has("en"), key);
    }
  }

  @Test
  void everyPlaceholderIsKnown() {
    Set<String> known = new java.util.HashSet<>(DIALOGS.service().placeholders().keySet());
    for (Script s : DIALOGS.scripts().values()) known.addAll(s.fields().keySet());
    List<String> unknown = new ArrayList<>();
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
    for (Script s : DIALOGS.scripts().values()) {
      for (Node n : s.nodes()) {
        for (Text t : texts(n)) {
          for (String v : t.byLang().values()) {
            java.util.regex.Matcher m = p.matcher(v);
            while (m.find()) if (!known.contains(m.group(1))) unknown.add(s.id() + "/" + n.id() + ": {" + m.group(1) + "}");
          }
        }
      }
    }
    assertEquals(List.of(), unknown);
  }

  static List<Text> texts(Node n) {
    List<Text> t = new ArrayList<>();
    if (n instanceof Node.Say s && s.text() != null) t.addAll(s.text());
    if (n instanceof Node.Ask a) {
      t.add(a.text());
      if (a.invalid() != null) t.add(a.invalid());
      for (Option o : a.options()) t.add(o.label());
    }
    if (n instanceof Node.Listen l) {
      t.add(l.text());
      if (l.acknowledgements() != null) t.addAll(l.acknowledgements());
    }
    if (n instanceof Node.Handoff h && h.text() != null) t.add(h.text());
    if (n instanceof Node.End e && e.text() != null) t.add(e.text());
    return t;
  }

  static List<String> nexts(Node n) {
    List<String> x = new ArrayList<>();
    if (n instanceof Node.Say s) x.add(s.next());
    if (n instanceof Node.Ask a) {
      x.add(a.next());
      for (Option o : a.options()) x.add(o.next());
    }
    if (n instanceof Node.Listen l) x.add(l.next());
    if (n instanceof Node.Branch b) {
      x.add(b.otherwise());
      for (BranchRule r : b.rules()) x.add(r.next());
    }
    return x;
  }
}
