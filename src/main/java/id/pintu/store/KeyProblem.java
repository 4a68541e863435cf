package id.pintu.store;

/** The encryption keys are missing, malformed or do not fit the store; the message is one sentence for the admin. */
public final class KeyProblem extends RuntimeException {
  public KeyProblem(String message) {
    super(message);
  }
}
