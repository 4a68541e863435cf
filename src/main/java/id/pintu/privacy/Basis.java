package id.pintu.privacy;

import java.util.Locale;

/** The legal basis on which a case's personal data is processed (UU PDP). */
public enum Basis {
  /** The family said yes to the consent question. */
  CONSENT,
  /** A crisis before any consent: kept to protect someone's life or safety. */
  VITAL_INTEREST,
  /** The family stopped: nothing more is stored until a new conversation and a new consent. */
  WITHDRAWN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Null for null or an unknown word (no basis). */
  public static Basis parse(String s) {
    if (s == null) return null;
    for (Basis b : values()) if (b.wire().equals(s)) return b;
    return null;
  }

  /** Whether what the family writes may be stored under this basis (null: no basis yet). */
  public static boolean keeps(Basis b) {
    return b == CONSENT || b == VITAL_INTEREST;
  }
}
