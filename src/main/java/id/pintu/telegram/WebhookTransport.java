package id.pintu.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook, served by Vert.x: Telegram's secret header is checked in constant time, and
 * 200 is answered only once the update is in the inbox, so Telegram redelivers anything we
 * failed to keep. Storing runs on a worker thread, never on the event loop.
 */
public final class WebhookTransport {
  public static final String PATH = "/telegram/webhook";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookTransport.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final Inbound inbound;
  private final byte[] secret;

  public WebhookTransport(Vertx vertx, Inbound inbound, String secret) {
    this.vertx = vertx;
    this.inbound = inbound;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Router router) {
    router.post(PATH).handler(BodyHandler.create().setBodyLimit(2 * 1024 * 1024)).handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String given = ctx.request().getHeader("X-Telegram-Bot-Api-Secret-Token");
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      ctx.response().setStatusCode(401).end("{\"error\":\"wrong or missing secret token\"}");
      return;
    }
    Update update;
    try {
      JsonNode node = JSON.readTree(ctx.body().asString());
      update = LenientGetUpdates.readOne(node);
    } catch (Exception e) {
      update = null;
    }
    if (update == null) {
      // Not an update at all: nothing a family sent can be in it, and a redelivery would not help.
      LOG.warn("webhook request without a readable update_id ignored");
      ctx.response().setStatusCode(400).end("{\"error\":\"not a Telegram update\"}");
      return;
    }
    Update u = update;
    vertx.executeBlocking(() -> inbound.accept(List.of(u)), false).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end("{}");
      } else {
        LOG.error("update {} could not be stored: {}", u.getUpdateId(), ar.cause().toString());
        ctx.response().setStatusCode(503).end("{\"error\":\"store unavailable, please retry\"}");
      }
    });
  }
}
