package id.pintu.dialog;

import id.pintu.safety.CrisisScreen;
import id.pintu.safety.RiskLevel;
import id.pintu.safety.ScreenMatch;
import id.pintu.safety.ScreenResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic crisis screen for engine tests, so they do not depend on the real
 * lexicon: a few suicide phrases are URGENT, "capek hidup" (tired of living) is a CONCERN.
 */
public final class TestScreen {
  private TestScreen() {}

  public static final List<String> URGENT = List.of("bunuh diri", "ingin mati", "kill myself");
  public static final List<String> CONCERN = List.of("capek hidup");

  public static final CrisisScreen SCREEN = TestScreen::screen;

  static ScreenResult screen(String text) {
    if (text == null || text.isEmpty()) return ScreenResult.CLEAR;
    String t = text.toLowerCase(Locale.ROOT);
    List<ScreenMatch> m = new ArrayList<>();
    RiskLevel level = RiskLevel.NONE;
    for (String p : URGENT) {
      if (t.contains(p)) {
        m.add(new ScreenMatch("suicide_self_harm", RiskLevel.URGENT, p, p));
        level = RiskLevel.URGENT;
      }
    }
    for (String p : CONCERN) {
      if (t.contains(p)) {
        m.add(new ScreenMatch("hopelessness", RiskLevel.CONCERN, p, p));
        level = level.max(RiskLevel.CONCERN);
      }
    }
    return m.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(level, m);
  }
}
