package id.pintu.admin;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads an admin request's body as it is, whatever its {@code Content-Type}. The admin API's
 * bodies are script files: {@code curl --data-binary @first-contact.yaml} labels them
 * {@code application/x-www-form-urlencoded}, and Vert.x's {@code BodyHandler} then decodes
 * them as a form and refuses anything over 1 KB with a bare 400. No admin endpoint takes a
 * form, so none is decoded. Must be the first handler of its routes (it starts the reading).
 */
final class ScriptBody implements Handler<RoutingContext> {
  private static final String KEY = "pintu.body";

  private final int limit;

  ScriptBody(int limit) {
    this.limit = limit;
  }

  /** The body read for this request, as UTF-8 text ("" when there was none). */
  static String text(RoutingContext ctx) {
    Buffer b = ctx.get(KEY);
    return b == null ? "" : b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        answer(ctx, 400, "the Content-Length header is not a number");
        return;
      }
      if (n > limit) {
        tooLarge(ctx);
        return;
      }
    }
    if (req.isEnded()) {
      ctx.put(KEY, Buffer.buffer());
      ctx.next();
      return;
    }
    if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT)) && req.version() != HttpVersion.HTTP_1_0) {
      req.response().writeContinue();
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    req.handler(chunk -> {
      if (refused[0]) return;
      if ((long) body.length() + chunk.length() > limit) {
        refused[0] = true;
        tooLarge(ctx);
        return;
      }
      body.appendBuffer(chunk);
    });
    req.endHandler(v -> {
      if (refused[0]) return;
      ctx.put(KEY, body);
      ctx.next();
    });
    req.resume();
  }

  private void tooLarge(RoutingContext ctx) {
    answer(ctx, 413, "the body is larger than " + (limit / 1024) + " KiB; a script may be at most "
        + (id.pintu.dialog.ScriptParser.MAX_BYTES / 1024) + " KiB (docs/SCRIPTS.md, \"Limits\")");
  }

  private static void answer(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close")
        .end(io.vertx.core.json.Json.encode(Map.of("error", message)));
  }
}
