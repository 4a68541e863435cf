package id.pintu.testing.botapi;

import io.vertx.core.json.JsonObject;

/** An error answer in Telegram's shape, thrown by method handlers. */
final class BotApiError extends RuntimeException {
  final int status;
  final String description;
  final Integer retryAfter;

  BotApiError(int status, String description, Integer retryAfter) {
    super(description, null, false, false);
    this.status = status;
    this.description = description;
    this.retryAfter = retryAfter;
  }

  static BotApiError badRequest(String what) {
    return new BotApiError(400, "Bad Request: " + what, null);
  }

  static BotApiError tooManyRequests(int retryAfter) {
    return new BotApiError(429, "Too Many Requests: retry after " + retryAfter, retryAfter);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject().put("ok", false).put("error_code", status)
        .put("description", description);
    if (retryAfter != null) {
      json.put("parameters", new JsonObject().put("retry_after", retryAfter));
    }
    return json;
  }
}
