package id.pintu.service;

import id.pintu.safety.CrisisScreen;
import java.nio.file.Path;

/** Chooses the crisis screen the service runs with. */
public final class CrisisScreens {
  private CrisisScreens() {}

  public static CrisisScreen load(Path dialogsDir) {
    return CrisisScreen.NONE; // replaced by the lexicon screen when it lands
  }
}
