package id.pintu.testing.botapi;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Updates waiting to be confirmed (by a getUpdates offset or a webhook 2xx), in the order
 * they were pushed, and the webhook settings. Not thread-safe: the double calls it under
 * its own lock.
 */
final class UpdateQueue {
  /** One queued update; {@code json} is sent verbatim, even when it is not valid JSON. */
  record Pending(int updateId, String json) {
  }

  private final Deque<Pending> pending = new ArrayDeque<>();
  private int lastUpdateId = 700_000_000;
  private String webhookUrl = "";
  private String secretToken;
  private long lastErrorDate;
  private String lastErrorMessage;

  int nextUpdateId() {
    return ++lastUpdateId;
  }

  /**
   * Queues raw JSON. Its own {@code update_id} is used when it has one; otherwise (or when
   * it does not parse) the next id is used to track it.
   */
  int pushRaw(String json) {
    int id;
    try {
      Integer own = new JsonObject(json).getInteger("update_id");
      id = own != null ? own : nextUpdateId();
    } catch (DecodeException | ClassCastException e) {
      id = nextUpdateId();
    }
    lastUpdateId = Math.max(lastUpdateId, id);
    pending.addLast(new Pending(id, json));
    return id;
  }

  /** getUpdates' offset: every update with a smaller id counts as received. */
  void confirmBelow(long offset) {
    pending.removeIf(p -> p.updateId() < offset);
  }

  void confirm(int updateId) {
    pending.removeIf(p -> p.updateId() == updateId);
  }

  List<Pending> peek(int limit) {
    List<Pending> batch = new ArrayList<>();
    for (Pending p : pending) {
      if (batch.size() == limit) {
        break;
      }
      batch.add(p);
    }
    return batch;
  }

  Pending first() {
    return pending.peekFirst();
  }

  int size() {
    return pending.size();
  }

  void dropAll() {
    pending.clear();
  }

  void setWebhook(String url, String secret) {
    webhookUrl = url == null ? "" : url;
    secretToken = secret;
    lastErrorDate = 0;
    lastErrorMessage = null;
  }

  String webhookUrl() {
    return webhookUrl;
  }

  boolean webhookActive() {
    return !webhookUrl.isEmpty();
  }

  String secretToken() {
    return secretToken;
  }

  void webhookFailed(long epochSeconds, String message) {
    lastErrorDate = epochSeconds;
    lastErrorMessage = message;
  }

  JsonObject webhookInfo() {
    JsonObject info = new JsonObject().put("url", webhookUrl)
        .put("has_custom_certificate", false).put("pending_update_count", pending.size());
    if (webhookActive()) {
      info.put("max_connections", 40);
    }
    if (lastErrorMessage != null) {
      info.put("last_error_date", lastErrorDate).put("last_error_message", lastErrorMessage);
    }
    return info;
  }
}
