package id.pintu.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.PintuConfig;
import id.pintu.dialog.Problem;
import id.pintu.store.Database;
import id.pintu.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin edits office hours in service.yaml while the service runs: a broken edit is refused with its line, a good one is used. */
class OfficeHoursEditTest {
  @TempDir Path dir;

  static final Instant SATURDAY_10_WIB = Instant.parse("2026-11-28T03:00:00Z");

  static String service(String weekly) {
    return "service:\n  name: {id: Uji, en: Test}\nhelp_contacts:\n  - {name: SAPA 129, phone: \"129\"}\n"
        + "office_hours:\n  weekly:\n" + weekly;
  }

  @Test
  void aBrokenOfficeHoursEditIsRefusedWithItsLineAndTheLastGoodHoursStay() throws Exception {
    Path dialogs = Files.createDirectories(dir.resolve("dialogs"));
    for (String f : List.of("first-contact.yaml", "crisis.yaml")) {
      Files.copy(Path.of("src/test/resources/service-dialogs").resolve(f), dialogs.resolve(f));
    }
    Files.writeString(dialogs.resolve("service.yaml"), service("    - {days: mon-fri, from: \"08:00\", to: \"16:00\"}\n"));
    try (TestStore store = TestStore.fresh(dir.resolve("store"));
         Database db = Database.open(new PintuConfig.Store(store.url(), store.user(), store.password(), 4), TestStore.testKeys())) {
      ScriptLibrary lib = ScriptLibrary.open(db, dialogs, Clock.systemUTC());
      List<Problem> reported = new ArrayList<>();
      lib.onInvalidEdit((file, content, problems) -> reported.addAll(problems));
      assertFalse(lib.service().officeHours().isOpen(SATURDAY_10_WIB), "closed on Saturday");

      Files.writeString(dialogs.resolve("service.yaml"), service("    - {days: mon-sat, from: \"08:00\", to: \"16:00\"}\n    - {days: sun, from: \"10\", to: \"12:00\"}\n"));
      lib.sync();
      assertEquals(1, reported.size(), reported.toString());
      assertEquals("service.yaml:8:26: office_hours: 'from' time '10' is not like \"08:00\"", reported.get(0).toString());
      assertFalse(lib.service().officeHours().isOpen(SATURDAY_10_WIB), "the refused edit is not used");

      Files.writeString(dialogs.resolve("service.yaml"), service("    - {days: mon-sat, from: \"08:00\", to: \"16:00\"}\n"));
      lib.sync();
      assertEquals(1, reported.size(), reported.toString());
      assertTrue(lib.service().officeHours().isOpen(SATURDAY_10_WIB), "the good edit is used at once");
    }
  }
}
