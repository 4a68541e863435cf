package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A second Pintu on the same H2 file: one sentence at once, not a hang and a stack trace. */
class StoreInUseTest {
  @Test
  void aSecondProcessOnTheSameStoreIsToldItIsInUse() throws Exception {
    try (ServiceHarness h = new ServiceHarness()) {
      h.start();
      assumeFalse(h.service.database().postgres(), "PostgreSQL serves many nodes: nothing is in use");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
          "-cp", System.getProperty("java.class.path"), "id.pintu.Main", "run", "--config", h.configFileForChild().toString());
      pb.environment().keySet().removeIf(k -> k.startsWith("PINTU_"));
      pb.environment().putAll(h.env);
      pb.environment().put("PINTU_LOG_LEVEL", "ERROR");
      Process p = pb.start();
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the second process ends by itself");
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertEquals(2, p.exitValue(), err);
      List<String> lines = err.lines().toList();
      assertEquals(1, lines.size(), "one sentence, not a stack trace: " + err);
      assertTrue(lines.get(0).startsWith("The store ") && lines.get(0).contains(" is in use by another process: is Pintu already running in this folder?"),
          lines.get(0));
      h.api.sendText(5101, "/start");
      h.awaitText(5101, "Boleh kami simpan"); // the first one carries on
    }
  }
}
