package id.pintu.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.testing.TestStore;
import id.pintu.testing.botapi.RateLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What families wrote lives in the H2 file and the office's key file: on a real start the data
 * folder is the service user's only (0700) and so are its files (0600), whether Pintu made the
 * folder itself or an older version (or a copy) left it open to everyone.
 */
class DataFolderPermissionsTest {
  @Test
  void aFreshStartMakesTheFolderAndItsFilesOwnerOnly() throws Exception {
    try (ServiceHarness h = new ServiceHarness(RateLimits.telegramLike(), TestStore.Kind.H2)) {
      Path data = h.dataDir.resolve("fresh").resolve("data");
      h.set("PINTU_STORE_URL", "jdbc:h2:file:" + data.resolve("pintu"));
      h.env.remove("PINTU_ENCRYPTION_KEY"); // the office's key file is made beside the store
      h.env.remove("PINTU_ENCRYPTION_KEY_ID");
      h.start();
      h.api.sendText(7_001, "/start");
      h.awaitText(7_001, "Boleh kami simpan");
      assertEquals("rwx------", mode(data), "the data folder");
      assertTrue(Files.exists(data.resolve("pintu.key")), "the key file was made");
      assertAllOwnerOnly(data);
    }
  }

  @Test
  void anExistingOpenFolderIsTightenedAtStart() throws Exception {
    try (ServiceHarness h = new ServiceHarness(RateLimits.telegramLike(), TestStore.Kind.H2)) {
      h.start();
      h.stop();
      Path data = h.store.h2File().getParent();
      // As an older version (or a careless copy) left them.
      Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(h.store.h2File(), PosixFilePermissions.fromString("rw-r--r--"));
      h.start();
      assertEquals("rwx------", mode(data), "the data folder");
      assertAllOwnerOnly(data);
    }
  }

  private static void assertAllOwnerOnly(Path data) throws Exception {
    try (Stream<Path> s = Files.list(data)) {
      List<Path> files = s.filter(Files::isRegularFile).toList();
      assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".mv.db")), "the H2 file is there: " + files);
      for (Path f : files) assertEquals("rw-------", mode(f), f.getFileName().toString());
    }
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
