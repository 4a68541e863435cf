package id.pintu.safety;

import java.util.List;

/** The screen's verdict on one message: the highest level among its matches. */
public record ScreenResult(RiskLevel level, List<ScreenMatch> matches) {
  public static final ScreenResult CLEAR = new ScreenResult(RiskLevel.NONE, List.of());

  public ScreenResult {
    matches = List.copyOf(matches);
  }

  public boolean urgent() {
    return level == RiskLevel.URGENT;
  }

  public boolean flagged() {
    return level != RiskLevel.NONE;
  }
}
