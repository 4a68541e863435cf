package id.pintu.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office hours on their own: weekly hours in Jakarta time, weekends, holidays, and what a broken section says. */
class OfficeHoursTest {
  static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  static final OfficeHours.Spec SPEC = new OfficeHours.Spec(null,
      List.of(new OfficeHours.Hours("mon-fri", "08:00", "16:00"), new OfficeHours.Hours("sat", "09:00", "12:00")),
      List.of("2026-12-25"));

  static Instant wib(String local) {
    return LocalDateTime.parse(local).atZone(WIB).toInstant();
  }

  static OfficeHours hours() {
    List<OfficeHours.Issue> issues = new ArrayList<>();
    OfficeHours h = OfficeHours.build(SPEC, issues);
    assertEquals(List.of(), issues);
    return h;
  }

  @Test
  void openOnWeekdaysAndSaturdayMorningInJakartaTimeClosedOnSundayAndHolidays() {
    OfficeHours h = hours();
    assertEquals(WIB, h.zone(), "Asia/Jakarta by default");
    assertTrue(h.isOpen(wib("2026-11-24T08:00")), "Tuesday at opening");
    assertTrue(h.isOpen(wib("2026-11-24T15:59")));
    assertFalse(h.isOpen(wib("2026-11-24T16:00")), "closing time is closed");
    assertFalse(h.isOpen(wib("2026-11-24T07:59")));
    assertFalse(h.isOpen(Instant.parse("2026-11-24T10:00:00Z")), "17:00 WIB, though 10:00 UTC");
    assertTrue(h.isOpen(wib("2026-11-28T10:00")), "Saturday morning");
    assertFalse(h.isOpen(wib("2026-11-28T13:00")), "Saturday afternoon");
    assertFalse(h.isOpen(wib("2026-11-29T10:00")), "Sunday");
    assertFalse(h.isOpen(wib("2026-12-25T10:00")), "a holiday on a Friday");
  }

  @Test
  void nextOpeningSkipsTheWeekendAndHolidays() {
    OfficeHours h = hours();
    assertEquals(wib("2026-11-24T10:00"), h.nextOpening(wib("2026-11-24T10:00")).orElseThrow().toInstant(), "open now: now");
    assertEquals(wib("2026-11-25T08:00"), h.nextOpening(wib("2026-11-24T18:30")).orElseThrow().toInstant(), "evening: next morning");
    assertEquals(wib("2026-11-24T08:00"), h.nextOpening(wib("2026-11-24T02:00")).orElseThrow().toInstant(), "night: this morning");
    assertEquals(wib("2026-11-28T09:00"), h.nextOpening(wib("2026-11-27T17:00")).orElseThrow().toInstant(), "Friday evening: Saturday 09:00");
    assertEquals(wib("2026-11-30T08:00"), h.nextOpening(wib("2026-11-28T12:30")).orElseThrow().toInstant(), "Saturday afternoon: Monday");
    assertEquals(wib("2026-12-26T09:00"), h.nextOpening(wib("2026-12-24T16:30")).orElseThrow().toInstant(), "Christmas Eve evening: after the holiday");
  }

  @Test
  void theTimeIsSaidInTheFamilysLanguageInWib() {
    OfficeHours h = hours();
    var t = h.nextOpening(wib("2026-11-28T12:30")).orElseThrow();
    assertEquals("Senin, 30 November pukul 08.00 WIB", h.describe(t, "id"));
    assertEquals("Monday 30 November at 08:00 WIB", h.describe(t, "en"));
  }

  @Test
  void noSectionMeansAlwaysOpen() {
    OfficeHours h = OfficeHours.build(null, new ArrayList<>());
    assertSame(OfficeHours.ALWAYS_OPEN, h);
    assertTrue(h.isOpen(wib("2026-11-29T03:00")));
  }

  @Test
  void aBrokenSectionIsAProblemWithLineAndColumn() throws Exception {
    String yaml = """
        service:
          name: {id: Uji, en: Test}
        office_hours:
          timezone: Asia/Jakarta
          weekly:
            - {days: mon-fry, from: "08:00", to: "16:00"}
            - {days: sat, from: "9 pagi", to: "12:00"}
          holidays: ["25-12-2026"]
        """;
    ServiceTexts s = ServiceTexts.parse(yaml);
    List<String> got = s.officeHoursProblems().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "service.yaml:6:14: office_hours: days 'mon-fry' not understood; write e.g. mon-fri, sat or mon,wed,fri",
        "service.yaml:7:26: office_hours: 'from' time '9 pagi' is not like \"08:00\"",
        "service.yaml:8:15: office_hours: the holiday '25-12-2026' is not a date like 2026-12-25"), got);
    assertTrue(s.officeHours().alwaysOpen(), "a broken section is not used");
  }

  @Test
  void theValidatorListsABrokenSectionOfTheDialogsFolder(@TempDir Path dir) throws Exception {
    for (String f : List.of("first-contact.yaml", "crisis.yaml")) {
      Files.copy(Path.of("src/test/resources/service-dialogs").resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("service.yaml"), """
        service:
          name: {id: Uji, en: Test}
        office_hours:
          timezone: Asia/Jakartaa
          weekly:
            - {days: mon-fri, from: "08:00", to: "16:00"}
        """);
    List<Problem> ps = ScriptValidator.validateFolder(dir);
    assertEquals(1, ps.size(), ps.toString());
    assertEquals("service.yaml:4:13: office_hours: unknown timezone 'Asia/Jakartaa' (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
        ps.get(0).toString());

    Files.writeString(dir.resolve("service.yaml"), "office_hours:\n  weekly: {days: [1, 2]}\n");
    ps = ScriptValidator.validateFolder(dir);
    assertEquals(1, ps.size(), ps.toString());
    assertEquals(2, ps.get(0).line(), "a section of the wrong shape is placed too: " + ps.get(0));
  }
}
