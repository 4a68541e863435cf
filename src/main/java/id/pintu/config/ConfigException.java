package id.pintu.config;

/** A configuration the service must not start with; the message is one sentence for the admin. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String sentence) {
    super(sentence);
  }
}
