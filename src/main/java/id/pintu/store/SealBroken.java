package id.pintu.store;

/**
 * A stored value failed to open: its key is not loaded, or its GCM tag does not match (the
 * value was altered, or moved from another column or row). The message names the column and
 * key id, never the value.
 */
public final class SealBroken extends RuntimeException {
  private final SealedColumn column;

  public SealBroken(SealedColumn column, String message) {
    super(message);
    this.column = column;
  }

  public SealedColumn column() {
    return column;
  }
}
