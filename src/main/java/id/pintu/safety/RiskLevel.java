package id.pintu.safety;

/** How strongly a message signals danger. Ordered: a higher ordinal is more serious. */
public enum RiskLevel {
  NONE, CONCERN, URGENT;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public RiskLevel max(RiskLevel other) {
    return other != null && other.ordinal() > ordinal() ? other : this;
  }
}
