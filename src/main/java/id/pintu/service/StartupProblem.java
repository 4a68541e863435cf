package id.pintu.service;

/** The service cannot start; the message is one sentence telling the admin what to set or fix. */
public final class StartupProblem extends RuntimeException {
  public StartupProblem(String message) {
    super(message);
  }
}
