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

  /** The prefix of the engine's own buttons. */
  public static final String ENGINE = "g:";

  public static String option(String nodeId, String value) {
    return "n:" + nodeId + ":" + value;
  }

  /** One of the engine's own buttons: {@code g:<what>}. */
  public static String engine(String what) {
    return ENGINE + what;
  }

  /** One of the engine's own buttons about a node or an answer: {@code g:<what>:<arg>}. */
  public static String engine(String what, String arg) {
    return ENGINE + what + ":" + arg;
  }

  /** Whether {@code data} is one of the engine's own {@code what} buttons. */
  public static boolean isEngine(String data, String what) {
    return data != null && data.startsWith(ENGINE + what + ":");
  }

  public static int bytes(String data) {
    return data.getBytes(StandardCharsets.UTF_8).length;
  }
}
