package id.pintu.store;

import id.pintu.config.PintuConfig;
import java.nio.file.Path;

/** Where the keys come from: the environment (via the configuration), else the single office's key file. */
public final class Keys {
  private Keys() {}

  public static Keyring load(PintuConfig.Encryption enc, PintuConfig.Store store) {
    if (enc.key() != null && !enc.key().isBlank()) return Keyring.parse(enc.keyId(), enc.key(), enc.oldKeys());
    return Keyring.fromFile(keyFile(enc, store), enc.oldKeys());
  }

  /** The configured key file, else {@code <h2 file>.key} beside an H2 store, else {@code ./data/pintu.key}. */
  static Path keyFile(PintuConfig.Encryption enc, PintuConfig.Store store) {
    if (enc.keyFile() != null && !enc.keyFile().isBlank()) return Path.of(enc.keyFile());
    String url = store.url();
    if (url.startsWith("jdbc:h2:file:")) return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".key");
    return Path.of("data", "pintu.key");
  }
}
