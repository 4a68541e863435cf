package id.pintu.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * What a family's last few messages signalled, so that danger told in pieces is still seen
 * ("tali sudah siap" in one message, "malam ini" in the next). Each entry holds the signal
 * codes of one message, oldest first; codes name frame slots (a method, a time, a victim),
 * never the family's words. Kept in the session state, which is sealed at rest; never logged.
 *
 * @param recent one entry per screened message, at most {@link #MESSAGES}, oldest first
 */
public record RiskMemory(List<String> recent) {
  /** How many messages the screen looks back over. */
  public static final int MESSAGES = 4;

  public static final RiskMemory EMPTY = new RiskMemory(List.of());

  public RiskMemory {
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  /** This memory with one more message's signals; the oldest falls out past {@link #MESSAGES}. */
  public RiskMemory then(String signals) {
    List<String> next = new ArrayList<>(MESSAGES);
    int from = Math.max(0, recent.size() - (MESSAGES - 1));
    next.addAll(recent.subList(from, recent.size()));
    next.add(signals == null ? "" : signals);
    return new RiskMemory(next);
  }

  public boolean isEmpty() {
    for (String r : recent) {
      if (!r.isEmpty()) return false;
    }
    return true;
  }
}
