package id.pintu.dialog;

/**
 * One thing wrong with a script, said so an admin can find and fix it.
 *
 * @param file the file name (e.g. {@code first-contact.yaml})
 * @param node the node id, or null for the script as a whole
 * @param line 1-based line when known, else 0
 * @param column 1-based column when known, else 0
 * @param message what is wrong, in plain words
 */
public record Problem(String file, String node, int line, int column, String message) {
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file == null ? "?" : file);
    if (line > 0) b.append(':').append(line).append(':').append(column);
    if (node != null) b.append(": node '").append(node).append('\'');
    return b.append(": ").append(message).toString();
  }
}
