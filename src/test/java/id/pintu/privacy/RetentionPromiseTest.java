package id.pintu.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import id.pintu.dialog.DialogFolder;
import id.pintu.dialog.Node;
import id.pintu.dialog.Script;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the consent question promises families about how long their data is kept must be
 * what the retention job does: the shipped config and the shipped first-contact script agree.
 */
class RetentionPromiseTest {
  @Test
  void theConsentTextStatesTheConfiguredRetention() throws Exception {
    PintuConfig cfg = ConfigLoader.load(Path.of("config/pintu.yaml"), Map.of());
    int days = cfg.privacy().retentionDays();
    assertEquals(PintuConfig.Privacy.DEFAULT_RETENTION_DAYS, days, "config/pintu.yaml and the default agree");
    assertEquals(days, new PintuConfig(null, null, null, null, null, null, null, null, null, null, null, null).privacy().retentionDays());

    Script fc = DialogFolder.read(Path.of("dialogs")).scripts().get("first-contact");
    Node.Ask consent = fc.nodes().stream().filter(n -> n instanceof Node.Ask a && ConsentGate.FIELD.equals(a.capture()))
        .map(n -> (Node.Ask) n).findFirst().orElseThrow();
    String id = consent.text().in("id");
    String en = consent.text().in("en");
    assertTrue(id.contains(days + " hari setelah kasus Anda ditutup"), id);
    assertTrue(en.contains(days + " days after your case is closed"), en);
    assertTrue(id.contains("/hapus") && en.contains("/hapus"), "the consent text names the erasure command");
  }

  @Test
  void anEnvironmentOverrideChangesTheRetention() throws Exception {
    PintuConfig cfg = ConfigLoader.load(Path.of("config/pintu.yaml"), Map.of("PINTU_PRIVACY_RETENTION_DAYS", "30"));
    assertEquals(30, cfg.privacy().retentionDays());
  }
}
