package id.pintu.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates that reads each update on its own. The library would reject a whole batch for
 * one update it cannot read and fetch the same batch forever; here that update becomes an
 * {@link UnreadableUpdate}, so the others go through and polling moves on.
 */
public final class LenientGetUpdates extends GetUpdates {
  private static final ObjectMapper JSON = new ObjectMapper();

  public LenientGetUpdates(int offset, int limit, int timeout) {
    super(offset, limit, timeout, null);
  }

  /** Reads one update leniently; null when it has no update_id at all. */
  public static Update readOne(JsonNode node) {
    if (node == null || !node.path("update_id").canConvertToInt()) return null;
    try {
      return JSON.treeToValue(node, Update.class);
    } catch (Exception e) {
      JsonNode id = node == null ? null : node.get("update_id");
      return id != null && id.canConvertToInt() ? new UnreadableUpdate(id.asInt(), node.toString()) : null;
    }
  }

  @Override
  public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
    JsonNode root;
    try {
      root = JSON.readTree(answer);
    } catch (Exception e) {
      return super.deserializeResponse(answer); // not JSON: let the library report it as usual
    }
    if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
      return super.deserializeResponse(answer);
    }
    ArrayList<Update> out = new ArrayList<>();
    for (JsonNode n : root.get("result")) {
      Update u = readOne(n);
      if (u != null) out.add(u);
    }
    return out;
  }
}
