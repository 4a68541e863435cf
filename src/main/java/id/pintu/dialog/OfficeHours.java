package id.pintu.dialog;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When counselors answer: weekly hours in a time zone (Asia/Jakarta by default), minus
 * holidays. Read from the {@code office_hours:} section of {@code dialogs/service.yaml}.
 * Pure: every answer is computed from the instant it is given.
 */
public final class OfficeHours {
  /** The section as written in service.yaml. */
  public record Spec(String timezone, List<Hours> weekly, List<String> holidays) {}

  /** Hours on some weekdays: {@code days} like {@code mon-fri}, {@code sat} or {@code mon,wed}; times {@code HH:mm}. */
  public record Hours(String days, String from, String to) {}

  /** One thing wrong with the section; {@code near} is the text written there, to find its line. */
  public record Issue(String message, String near) {}

  /** A section that was not written: always open (no office-hours notices). */
  public static final OfficeHours ALWAYS_OPEN = new OfficeHours(ZoneId.of("Asia/Jakarta"), null, Set.of());

  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Locale INDONESIAN = Locale.forLanguageTag("id");

  private record Span(LocalTime from, LocalTime to) {}

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Span>> week; // null: always open
  private final Set<LocalDate> holidays;

  private OfficeHours(ZoneId zone, Map<DayOfWeek, List<Span>> week, Set<LocalDate> holidays) {
    this.zone = zone;
    this.week = week;
    this.holidays = holidays;
  }

  /** Builds the hours, or lists what is wrong (then the result is {@link #ALWAYS_OPEN}). */
  public static OfficeHours build(Spec spec, List<Issue> issues) {
    if (spec == null) return ALWAYS_OPEN;
    List<Issue> found = new ArrayList<>();
    ZoneId zone = ZoneId.of("Asia/Jakarta");
    if (spec.timezone() != null && !spec.timezone().isBlank()) {
      try {
        zone = ZoneId.of(spec.timezone().strip());
      } catch (DateTimeException e) {
        found.add(new Issue("office_hours: unknown timezone '" + spec.timezone() + "' (e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)", spec.timezone()));
      }
    }
    Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
    if (spec.weekly() == null || spec.weekly().isEmpty()) {
      found.add(new Issue("office_hours: 'weekly' lists no hours; write e.g. - {days: mon-fri, from: \"08:00\", to: \"16:00\"}", "office_hours"));
    } else {
      for (Hours h : spec.weekly()) {
        if (h == null) continue;
        List<DayOfWeek> days = days(h.days(), found);
        LocalTime from = time(h.from(), "from", found);
        LocalTime to = time(h.to(), "to", found);
        if (from != null && to != null && !to.isAfter(from)) {
          found.add(new Issue("office_hours: 'to' (" + h.to() + ") must be later than 'from' (" + h.from() + ")", h.to()));
          continue;
        }
        if (days == null || from == null || to == null) continue;
        for (DayOfWeek d : days) week.computeIfAbsent(d, x -> new ArrayList<>()).add(new Span(from, to));
      }
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (String s : spec.holidays() == null ? List.<String>of() : spec.holidays()) {
      try {
        holidays.add(LocalDate.parse(s == null ? "" : s.strip()));
      } catch (DateTimeParseException e) {
        found.add(new Issue("office_hours: the holiday '" + s + "' is not a date like 2026-12-25", s));
      }
    }
    issues.addAll(found);
    return found.isEmpty() ? new OfficeHours(zone, week, Set.copyOf(holidays)) : ALWAYS_OPEN;
  }

  private static List<DayOfWeek> days(String raw, List<Issue> found) {
    String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    List<DayOfWeek> out = new ArrayList<>();
    for (String part : s.split("\\s*,\\s*")) {
      String[] range = part.split("\\s*-\\s*");
      int a = range.length >= 1 ? DAYS.indexOf(range[0]) : -1;
      int b = range.length == 2 ? DAYS.indexOf(range[1]) : range.length == 1 ? a : -1;
      if (a < 0 || b < 0 || b < a) {
        found.add(new Issue("office_hours: days '" + raw + "' not understood; write e.g. mon-fri, sat or mon,wed,fri", raw == null ? "days" : raw));
        return null;
      }
      for (int i = a; i <= b; i++) out.add(DayOfWeek.of(i + 1));
    }
    return out;
  }

  private static LocalTime time(String raw, String what, List<Issue> found) {
    try {
      return LocalTime.parse(raw == null ? "" : raw.strip(), DateTimeFormatter.ofPattern("HH:mm"));
    } catch (DateTimeParseException e) {
      found.add(new Issue("office_hours: '" + what + "' time '" + raw + "' is not like \"08:00\"", raw == null ? what : raw));
      return null;
    }
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean alwaysOpen() {
    return week == null;
  }

  public boolean isOpen(Instant at) {
    if (week == null) return true;
    ZonedDateTime t = at.atZone(zone);
    if (holidays.contains(t.toLocalDate())) return false;
    LocalTime time = t.toLocalTime();
    for (Span s : week.getOrDefault(t.getDayOfWeek(), List.of())) {
      if (!time.isBefore(s.from()) && time.isBefore(s.to())) return true;
    }
    return false;
  }

  /** When counselors answer next: {@code at} itself while open; empty when no hours are set at all. */
  public Optional<ZonedDateTime> nextOpening(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    if (isOpen(at)) return Optional.of(t);
    for (int day = 0; day < 400; day++) {
      LocalDate d = t.toLocalDate().plusDays(day);
      if (holidays.contains(d)) continue;
      LocalTime best = null;
      for (Span s : week.getOrDefault(d.getDayOfWeek(), List.of())) {
        ZonedDateTime open = d.atTime(s.from()).atZone(zone);
        if (open.isAfter(t) && (best == null || s.from().isBefore(best))) best = s.from();
      }
      if (best != null) return Optional.of(d.atTime(best).atZone(zone));
    }
    return Optional.empty();
  }

  /** {@code Senin, 24 November pukul 08.00 WIB} / {@code Monday 24 November at 08:00 WIB}. */
  public String describe(ZonedDateTime t, String lang) {
    String zoneName = zoneLabel(zone);
    if ("en".equals(lang)) {
      return DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH).format(t) + " " + zoneName;
    }
    return DateTimeFormatter.ofPattern("EEEE, d MMMM 'pukul' HH.mm", INDONESIAN).format(t) + " " + zoneName;
  }

  /** WIB, WITA, WIT for Indonesia's zones; the zone id otherwise. */
  public static String zoneLabel(ZoneId zone) {
    return switch (zone.getId()) {
      case "Asia/Jakarta", "Asia/Pontianak" -> "WIB";
      case "Asia/Makassar" -> "WITA";
      case "Asia/Jayapura" -> "WIT";
      default -> zone.getId();
    };
  }
}
