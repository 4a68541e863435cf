package id.pintu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two packages of Pintu depend on each other, directly or through others (issue 26): the layering in
 * each package-info holds only if the compiled classes agree. Reads the constant pools of the compiled
 * classes, so a dependency counts whether it is an import, a fully qualified name or a method signature.
 */
class PackageCyclesTest {
  private static final String ROOT = "id/pintu/";
  private static final Pattern NAMED = Pattern.compile("L(id/pintu/[\\w/$]+)[;<]");

  @Test
  void thePackagesOfPintuDependOnEachOtherOneWayOnly() throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    // package -> package it uses -> one example, "a.From -> b.To"
    Map<String, Map<String, String>> uses = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : files) {
      String from = classes.relativize(file).toString().replace('\\', '/').replaceAll("\\.class$", "");
      String fromPackage = packageOf(from);
      if (fromPackage == null) {
        continue;
      }
      uses.computeIfAbsent(fromPackage, k -> new TreeMap<>());
      for (String to : referencedClasses(Files.readAllBytes(file))) {
        String toPackage = packageOf(to);
        if (toPackage != null && !toPackage.equals(fromPackage)) {
          uses.get(fromPackage).putIfAbsent(toPackage, shortName(from) + " -> " + shortName(to));
        }
      }
    }
    assertTrue(uses.size() > 5, "read the compiled packages in " + classes + ": " + uses.keySet());

    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCycles(start, start, new ArrayList<>(List.of(start)), uses, cycles);
    }
    assertTrue(cycles.isEmpty(), "package cycles in id.pintu:\n" + String.join("\n", cycles));
  }

  /** Every simple cycle through {@code start} whose other packages sort after it, so each cycle is told once. */
  private static void findCycles(
      String start, String at, List<String> path, Map<String, Map<String, String>> uses, List<String> cycles) {
    for (String next : uses.getOrDefault(at, Map.of()).keySet()) {
      if (next.equals(start)) {
        List<String> via = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
          String a = path.get(i);
          String b = i + 1 < path.size() ? path.get(i + 1) : start;
          via.add(uses.get(a).get(b));
        }
        cycles.add(String.join(" -> ", path) + " -> " + start + ", via " + String.join(", ", via));
      } else if (next.compareTo(start) > 0 && !path.contains(next)) {
        path.add(next);
        findCycles(start, next, path, uses, cycles);
        path.remove(path.size() - 1);
      }
    }
  }

  /** "conversation" for id/pintu/conversation/Inbox$1; null for classes outside a package of Pintu. */
  private static String packageOf(String internalName) {
    if (!internalName.startsWith(ROOT)) {
      return null;
    }
    String rest = internalName.substring(ROOT.length());
    int slash = rest.indexOf('/');
    return slash < 0 ? null : rest.substring(0, slash);
  }

  private static String shortName(String internalName) {
    String rest = internalName.substring(ROOT.length()).replace('/', '.');
    int inner = rest.indexOf('$');
    return inner < 0 ? rest : rest.substring(0, inner);
  }

  /**
   * The classes a class file names: its CONSTANT_Class entries, and the types in descriptors and
   * signatures (a parameter type that is never called on appears only there). JVMS 4.4.
   */
  private static Set<String> referencedClasses(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classNames = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames.add(in.readUnsignedShort());
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int index : classNames) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        addNamed(name, names);
      } else {
        names.add(name);
      }
    }
    for (String text : utf8) {
      if (text != null) {
        addNamed(text, names);
      }
    }
    return names;
  }

  private static void addNamed(String descriptor, Set<String> names) {
    Matcher m = NAMED.matcher(descriptor);
    while (m.find()) {
      names.add(m.group(1));
    }
  }
}
