/**
 * Everything that speaks the Bot API: the transports ({@link id.pintu.telegram.LongPollingTransport}
 * with {@link id.pintu.telegram.LenientGetUpdates}, {@link id.pintu.telegram.WebhookTransport})
 * hand updates to {@link id.pintu.telegram.Inbound}, which stores them and passes them on to
 * {@link id.pintu.telegram.StoredUpdates}; {@link id.pintu.telegram.UpdateReader} turns an
 * update into an {@link id.pintu.telegram.Incoming}; {@link id.pintu.telegram.ReplyComposer}
 * turns engine effects into {@link id.pintu.telegram.OutboundMessage}s; the
 * {@link id.pintu.telegram.Sender} delivers the outbox through the
 * {@link id.pintu.telegram.TelegramGateway} at Telegram's pace ({@link id.pintu.telegram.SendPace}).
 *
 * <p>May depend on the Telegram bots library, Vert.x, Jackson, Caffeine and SLF4J, and of
 * Pintu on {@link id.pintu.store}, {@link id.pintu.dialog} and {@link id.pintu.config}. It knows
 * nothing of the conversation: that package implements {@link id.pintu.telegram.StoredUpdates}.
 */
package id.pintu.telegram;
