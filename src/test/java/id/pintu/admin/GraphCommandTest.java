package id.pintu.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphCommandTest {
  @Test
  void printsTheScriptAsAMermaidFlowchartWithTechniques() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = GraphCommand.run(List.of("first-contact", "--dialogs", "src/test/resources/service-dialogs"),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String g = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    assertTrue(g.contains("flowchart TD"), g);
    assertTrue(g.contains("classDef ventilation"), g);
    assertTrue(g.contains("class n_hello small_talk"), g);
    assertTrue(g.contains("n_story([\""), "listen nodes are stadiums: " + g);
    assertTrue(g.contains("n_consent -->|\"no\"| n_bye"), g);
  }

  @Test
  void anUnknownScriptSaysWhichExist() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = GraphCommand.run(List.of("nope", "--dialogs", "src/test/resources/service-dialogs"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("first-contact"));
  }
}
