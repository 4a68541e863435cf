package id.pintu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pintu.config.PintuConfig;
import id.pintu.testing.TestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 settings Pintu adds to a plain file URL, and an admin's own URL settings winning over them. */
class EmbeddedStoreSettingsTest {
  @TempDir Path dir;

  @Test
  void backgroundCompactionIsOffUnlessTheUrlSaysOtherwise() throws Exception {
    assertEquals("0", setting("jdbc:h2:file:" + dir.resolve("plain/pintu"), "AUTO_COMPACT_FILL_RATE"));
    assertEquals("80", setting("jdbc:h2:file:" + dir.resolve("own/pintu") + ";AUTO_COMPACT_FILL_RATE=80", "AUTO_COMPACT_FILL_RATE"));
  }

  private static String setting(String url, String name) throws Exception {
    try (Database db = Database.open(new PintuConfig.Store(url, "sa", "", 2), TestStore.testKeys());
         Connection c = db.connection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = '" + name + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
