package id.pintu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted first contacts of {@code bench/peer/first-contact-check.json}: each step is a
 * family's move (a text, or a press on a button by its callback data) and the replies it
 * must get, text and buttons exactly. Both bots of {@link PeerCompare} walk them.
 */
record ScriptedConversations(JsonNode source, List<Conversation> conversations) {

  /** A family's move: {@code send} a text, or {@code press} the button with that data. */
  record Step(String send, String press, List<ReplyCheck.Expected> expect) {}

  record Conversation(String name, int weight, List<Step> steps) {}

  static ScriptedConversations read(ObjectMapper json, Path file) throws IOException {
    JsonNode root = json.readTree(file.toFile());
    List<Conversation> list = new ArrayList<>();
    for (JsonNode c : root.path("conversations")) {
      List<Step> steps = new ArrayList<>();
      for (JsonNode s : c.path("steps")) {
        List<ReplyCheck.Expected> expect = null;
        if (s.has("expect")) {
          expect = new ArrayList<>();
          for (JsonNode e : s.get("expect")) {
            List<List<String>> buttons = new ArrayList<>();
            for (JsonNode b : e.path("buttons")) buttons.add(List.of(b.get(0).asText(), b.get(1).asText()));
            expect.add(new ReplyCheck.Expected(e.get("text").asText(), buttons));
          }
        }
        steps.add(new Step(s.path("send").textValue(), s.path("press").textValue(), expect));
      }
      list.add(new Conversation(c.get("name").asText(), c.path("weight").asInt(1), List.copyOf(steps)));
    }
    return new ScriptedConversations(root, List.copyOf(list));
  }

  boolean complete() {
    return conversations.stream().allMatch(c -> c.steps().stream().allMatch(s -> s.expect() != null && !s.expect().isEmpty()));
  }

  /** The conversation for the n-th family: the mix follows the weights, deterministically. */
  Conversation forFamily(long n) {
    int total = conversations.stream().mapToInt(Conversation::weight).sum();
    long k = Math.floorMod(n * 7919L, total);
    for (Conversation c : conversations) {
      if (k < c.weight()) return c;
      k -= c.weight();
    }
    return conversations.get(0);
  }

  /** Updates per conversation in the mix (the weighted mean of the step counts). */
  double meanSteps() {
    int total = conversations.stream().mapToInt(Conversation::weight).sum();
    return conversations.stream().mapToDouble(c -> c.weight() * (double) c.steps().size()).sum() / total;
  }

  /** Writes the file again with recorded replies (record mode). */
  static void writeRecorded(ObjectMapper json, Path file, JsonNode source, List<List<List<ReplyCheck.Expected>>> replies) throws IOException {
    ObjectNode root = source.deepCopy();
    ArrayNode convs = (ArrayNode) root.get("conversations");
    for (int c = 0; c < convs.size(); c++) {
      ArrayNode steps = (ArrayNode) convs.get(c).get("steps");
      for (int s = 0; s < steps.size(); s++) {
        ArrayNode expect = ((ObjectNode) steps.get(s)).putArray("expect");
        for (ReplyCheck.Expected e : replies.get(c).get(s)) {
          ObjectNode o = expect.addObject();
          o.put("text", e.text());
          ArrayNode bs = o.putArray("buttons");
          for (List<String> b : e.buttons()) bs.addArray().add(b.get(0)).add(b.get(1));
        }
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }
}
