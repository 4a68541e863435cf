package id.pintu.safety;

/**
 * A message's verdict in the light of the family's recent messages, and the memory to keep
 * for the next one.
 */
public record Screened(ScreenResult result, RiskMemory memory) {
  public Screened {
    result = result == null ? ScreenResult.CLEAR : result;
    memory = memory == null ? RiskMemory.EMPTY : memory;
  }
}
