package id.pintu.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pintu.config.ConfigException;
import id.pintu.config.ConfigLoader;
import id.pintu.config.PintuConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffDirectoryTest {
  @TempDir Path dir;

  static final String YAML = """
      desk:
        staffChatId: -1001234567890
        claimMinutes: 20
        staff:
          - {userId: 501, role: counselor, alias: Kak Sari}
          - {userId: 502, role: supervisor, alias: Bu Dewi}
        onCall: [502]
      """;

  @Test
  void deskSectionReadsFromTheFileAndScalarsFromTheEnvironment() throws Exception {
    Path f = dir.resolve("pintu.yaml");
    Files.writeString(f, YAML);
    PintuConfig cfg = ConfigLoader.load(f, Map.of("PINTU_DESK_URGENT_CLAIM_MINUTES", "3"));
    ConfigException list = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of("PINTU_DESK_STAFF", "501")));
    assertTrue(list.getMessage().contains("lists such as desk.staff are set in the file"), list.getMessage());
    PintuConfig.Desk d = cfg.desk();
    assertTrue(d.enabled());
    assertEquals(-1001234567890L, d.staffChatId());
    assertEquals(20, d.claimMinutes());
    assertEquals(3, d.urgentClaimMinutes(), "env overrides a scalar");
    assertEquals(2, d.staff().size(), "a list comes from the file only");
    assertEquals(502L, d.onCall().get(0));
    PintuConfig env = ConfigLoader.load(dir.resolve("none.yaml"), Map.of("PINTU_DESK_STAFF_CHAT_ID", "-1009"));
    assertEquals(-1009L, env.desk().staffChatId());
    assertFalse(ConfigLoader.load(dir.resolve("none.yaml"), Map.of()).desk().enabled(), "no staff chat: desk off");
  }

  @Test
  void staffChangesAreSeenWithoutARestart() throws Exception {
    Path f = dir.resolve("pintu.yaml");
    Files.writeString(f, YAML);
    StaffDirectory staff = new StaffDirectory(ConfigLoader.load(f, Map.of()).desk().staff(), f);
    assertEquals("Kak Sari", staff.find(501L).orElseThrow().alias());
    assertEquals(StaffDirectory.Role.SUPERVISOR, staff.find(502L).orElseThrow().role());
    assertTrue(staff.find(999L).isEmpty());
    assertEquals(502L, staff.byAlias("bu dewi").orElseThrow().userId());

    Files.writeString(f, YAML.replace("{userId: 501, role: counselor, alias: Kak Sari}", "{userId: 503, role: counselor, alias: Mas Adi}"));
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    staff.refresh();
    assertTrue(staff.find(501L).isEmpty(), "removed staff can no longer act");
    assertEquals("Mas Adi", staff.find(503L).orElseThrow().alias());

    Files.writeString(f, "desk: [broken");
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    staff.refresh();
    assertEquals(2, staff.size(), "a broken file keeps the last good list");
  }
}
