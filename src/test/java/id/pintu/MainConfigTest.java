package id.pintu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistake in the configuration stops every command that reads it alike: exit code 2, one
 * sentence naming the file, the key and what is allowed, and nothing created on disk.
 */
class MainConfigTest {
  @TempDir Path dir;

  private String said(List<String> args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(2, Main.run(args, err, err), String.join(" ", args));
    String said = bytes.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, said.lines().count(), "one line, not a stack trace: " + said);
    return said;
  }

  private Path file(String name, String yaml) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void runAndRekeySayWhichConfigurationFileIsBrokenAndWhy() throws Exception {
    Path broken = file("pintu.yaml", "store: [unclosed\n");
    for (String command : List.of("run", "rekey")) {
      String said = said(List.of(command, "--config", broken.toString()));
      assertTrue(said.startsWith("The configuration file " + broken + " is not valid YAML (line "), command + ": " + said);
    }
  }

  @Test
  void eachMistakeIsNamedWithWhatIsAllowed() throws Exception {
    assertEquals("In " + dir.resolve("a.yaml") + ", 'telegram.mdoe' is not a setting; telegram has: apiUrl, mode, pollTimeoutSeconds, "
        + "token, webhookSecret, webhookUrl (did you mean 'mode'?).", said(List.of("run", "--config", file("a.yaml", "telegram:\n  mdoe: webhook\n").toString())));
    assertEquals("In " + dir.resolve("b.yaml") + ", telegram.mode must be polling or webhook, not 'webhok'.",
        said(List.of("run", "--config", file("b.yaml", "telegram:\n  mode: webhok\n").toString())));
    assertEquals("In " + dir.resolve("c.yaml") + ", http.port must be between 0 and 65535, not 99999.",
        said(List.of("run", "--config", file("c.yaml", "http:\n  port: 99999\n").toString())));
    assertEquals("In " + dir.resolve("d.yaml") + ", 'sending.workers' must be a whole number, not 'many'.",
        said(List.of("rekey", "--config", file("d.yaml", "sending:\n  workers: many\n").toString())));
    assertTrue(said(List.of("run", "--config", file("e.yaml", "telgram:\n  mode: polling\n").toString()))
        .contains("'telgram' is not a setting; the sections are: admin, console, desk,"));
    assertEquals("In " + dir.resolve("f.yaml") + ", privacy.retentionDays must be 1 or more, not 0.",
        said(List.of("run", "--config", file("f.yaml", "privacy:\n  retentionDays: 0\n").toString())));
  }

  @Test
  void aConfigurationFileThatIsNamedMustExistAndTheUsageListsTheOption() {
    Path missing = dir.resolve("nope.yaml");
    assertEquals("The configuration file " + missing + " does not exist: give the path of your pintu.yaml (the example is config/pintu.yaml).",
        said(List.of("run", "--config", missing.toString())));
    assertEquals("--config needs the path of a configuration file, e.g. --config /etc/pintu/pintu.yaml.", said(List.of("run", "--config")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Main.usage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("run [--config file]"), bytes.toString(StandardCharsets.UTF_8));
  }

  /** The real process with a mistyped variable: refused before anything is made in its folder. */
  @Test
  void aMistypedEnvironmentVariableStopsTheStartAndLeavesNothing() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "id.pintu.Main", "run")
        .directory(work.toFile()).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("PINTU_"));
    pb.environment().put("PINTU_TELEGRAM_TOKN", "123456:abc");
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends by itself");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(2, p.exitValue(), out);
    assertTrue(out.endsWith("The environment variable PINTU_TELEGRAM_TOKN names no setting (did you mean 'PINTU_TELEGRAM_TOKEN'?); settings are "
        + "PINTU_<SECTION>_<SETTING> for a setting of one value (lists such as desk.staff are set in the file), see config/pintu.yaml."), out);
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(List.of(), left.toList(), "a refused start leaves no file");
    }
  }
}
