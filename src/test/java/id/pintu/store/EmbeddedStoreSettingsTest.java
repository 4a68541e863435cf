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

  /** A small page cache (KB): see Database.jdbcUrl; a deployment with memory to spare may name its own. */
  @Test
  void thePageCacheIsSmallUnlessTheUrlSaysOtherwise() throws Exception {
    assertEquals("4096", setting("jdbc:h2:file:" + dir.resolve("plain/pintu"), "CACHE_SIZE"));
    assertEquals("32768", setting("jdbc:h2:file:" + dir.resolve("own/pintu") + ";CACHE_SIZE=32768", "CACHE_SIZE"));
  }

  // UPPER: with DATABASE_TO_LOWER some settings are listed under lower-case names (cache_size).
  private static String setting(String url, String name) throws Exception {
    try (Database db = Database.open(new PintuConfig.Store(url, "sa", "", 2), TestStore.testKeys());
         Connection c = db.connection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT setting_value FROM information_schema.settings WHERE UPPER(setting_name) = '" + name + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
