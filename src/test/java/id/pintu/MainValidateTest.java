package id.pintu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainValidateTest {
  @Test
  void validateIsASubcommand() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, Main.run(List.of("validate", "src/test/resources/dialogs-ok"), out, out));
    assertEquals(2, Main.run(List.of("validate", "src/test/resources/no-such-folder"), out, out));
  }
}
