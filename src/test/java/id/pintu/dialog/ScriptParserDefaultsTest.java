package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** An admin writes only what a node needs: left-out yes/no settings and numbers take their defaults. */
class ScriptParserDefaultsTest {
  @Test
  void askWithoutSkipAndScriptWithoutVersionAreRead() {
    ScriptParser.Result r = ScriptParser.parse("""
        id: tiny
        nodes:
          - id: q
            kind: ask
            input: text
            text: {id: "Apa kabar?", en: "How are you?"}
            next: bye
          - id: bye
            kind: end
            text: {id: "Terima kasih.", en: "Thank you."}
        """);
    ScriptParser.Result.Ok ok = assertInstanceOf(ScriptParser.Result.Ok.class, r, r.toString());
    assertEquals(0, ok.script().version());
    assertFalse(((Node.Ask) ok.script().node("q")).skip());
  }
}
