package id.pintu.desk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.config.PintuConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may act at the desk: Telegram user id to role and display alias. Starts from the
 * configuration and re-reads {@code desk.staff} from the config file whenever the file
 * changes ({@link #refresh()} is called on a timer), so staff can be added or removed
 * without a restart. A file that cannot be read keeps the last good list.
 */
public final class StaffDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(StaffDirectory.class);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public enum Role { COUNSELOR, SUPERVISOR, ADMIN }

  /** One member of staff as the desk sees them. */
  public record Member(long userId, Role role, String alias) {}

  private final Path file;
  private final AtomicReference<Map<Long, Member>> members = new AtomicReference<>(Map.of());
  private volatile FileTime seen;

  public StaffDirectory(List<PintuConfig.Staff> configured, Path file) {
    this.file = file;
    members.set(index(configured));
    refresh();
  }

  public Optional<Member> find(Long userId) {
    return userId == null ? Optional.empty() : Optional.ofNullable(members.get().get(userId));
  }

  public Optional<Member> byAlias(String alias) {
    if (alias == null) return Optional.empty();
    String a = alias.strip().replaceFirst("^@", "");
    return members.get().values().stream().filter(m -> m.alias().equalsIgnoreCase(a)).findFirst();
  }

  public List<Member> withRole(Role role) {
    return members.get().values().stream().filter(m -> m.role() == role).toList();
  }

  public int size() {
    return members.get().size();
  }

  /** Re-reads the staff list if the file changed since the last look. */
  public void refresh() {
    if (file == null || !Files.isRegularFile(file)) return;
    try {
      FileTime t = Files.getLastModifiedTime(file);
      if (t.equals(seen)) return;
      JsonNode staff = YAML.readTree(file.toFile());
      staff = staff == null ? null : staff.path("desk").get("staff");
      seen = t;
      if (staff == null || !staff.isArray()) return;
      List<PintuConfig.Staff> list = new ArrayList<>();
      for (JsonNode n : staff) list.add(YAML.treeToValue(n, PintuConfig.Staff.class));
      Map<Long, Member> next = index(list);
      if (!next.equals(members.get())) LOG.info("staff list re-read: {} members", next.size());
      members.set(next);
    } catch (Exception e) {
      LOG.warn("staff list in {} cannot be read ({}); keeping the previous one", file, e.getClass().getSimpleName());
    }
  }

  static Map<Long, Member> index(List<PintuConfig.Staff> staff) {
    Map<Long, Member> m = new LinkedHashMap<>();
    for (PintuConfig.Staff s : staff) {
      if (s == null || s.userId() == null) continue;
      Role role = role(s.role());
      if (role == null) {
        LOG.warn("staff {} has an unknown role; ignored", s.userId());
        continue;
      }
      String alias = s.alias() == null || s.alias().isBlank() ? "Konselor" : s.alias().strip();
      m.put(s.userId(), new Member(s.userId(), role, alias));
    }
    return Map.copyOf(m);
  }

  private static Role role(String r) {
    if (r == null) return Role.COUNSELOR;
    try {
      return Role.valueOf(r.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
