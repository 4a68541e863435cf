package id.pintu.dialog;

import java.util.Map;

/**
 * The scripts one conversation may run (by id) and the service-wide texts they may quote
 * as placeholders ({@code {help_contacts}}, {@code {service.hours}}, ...). The conversation
 * layer chooses which versions go into a book; the engine only reads it.
 */
public record ScriptBook(Map<String, Script> scripts, Map<String, Text> shared) {
  public static final String CRISIS = "crisis";
  public static final String FIRST_CONTACT = "first-contact";

  public ScriptBook {
    scripts = Map.copyOf(scripts);
    shared = shared == null ? Map.of() : Map.copyOf(shared);
  }

  public Script script(String id) {
    return id == null ? null : scripts.get(id);
  }
}
