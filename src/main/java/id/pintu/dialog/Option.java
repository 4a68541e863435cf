package id.pintu.dialog;

/**
 * One choice button of an {@code ask} node.
 *
 * @param value what is captured (and sent as callback data)
 * @param label the button text
 * @param next where this answer leads; the node's own {@code next} when absent
 */
public record Option(String value, Text label, String next) {}
