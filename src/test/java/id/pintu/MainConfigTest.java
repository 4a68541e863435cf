package id.pintu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that read the configuration refuse a broken file alike: exit code 2 and a message that names the file and the fault. */
class MainConfigTest {
  @TempDir Path dir;

  @Test
  void runAndRekeySayWhichConfigurationFileIsBrokenAndWhy() throws Exception {
    Path broken = dir.resolve("pintu.yaml");
    Files.writeString(broken, "store: [unclosed\n");
    for (String command : List.of("run", "rekey")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      assertEquals(2, Main.run(List.of(command, "--config", broken.toString()), err, err), command);
      String said = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(said.startsWith("The configuration file " + broken + " cannot be read ("), command + ": " + said);
      assertTrue(said.contains("set PINTU_CONFIG to another file"), command + ": " + said);
      assertEquals(1, said.strip().lines().count(), command + ": one line, not a stack trace: " + said);
    }
  }
}
