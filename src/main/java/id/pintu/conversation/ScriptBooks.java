package id.pintu.conversation;

import id.pintu.dialog.ScriptBook;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Chooses the scripts one conversation runs on: the versions it is pinned to (script id to
 * version), and the newest version of every script it has not entered yet. Empty pins give
 * the newest book, for a conversation that starts now.
 */
@FunctionalInterface
public interface ScriptBooks {
  ScriptBook book(Connection c, Map<String, Integer> pins) throws SQLException;
}
