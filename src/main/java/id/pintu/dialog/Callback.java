package id.pintu.dialog;

import java.nio.charset.StandardCharsets;

/**
 * Callback data of the engine's buttons. Script answers are {@code n:<node>:<value>}, so a
 * press on an old question's button is recognised as stale; the engine's own buttons are
 * {@code g:<what>[:<arg>]}. Telegram allows 64 bytes.
 */
public final class Callback {
  public static final int MAX_BYTES = 64;

  private Callback() {}

  public static String option(String nodeId, String value) {
    return "n:" + nodeId + ":" + value;
  }

  public static int bytes(String data) {
    return data.getBytes(StandardCharsets.UTF_8).length;
  }
}
