package id.pintu.telegram;

import id.pintu.dialog.Input;

/**
 * One update, read out of Telegram's types: who wrote, where, and what it means to the engine.
 *
 * @param kind what arrived ({@code text}, {@code button}, {@code photo}, {@code sticker}, ...)
 * @param text what the family wrote (text, caption or button data), for the transcript only
 * @param fileId Telegram's file id of a photo, voice note, document or sticker
 * @param callbackQueryId set for a button press, so it can be answered
 * @param messageId the family's message id, or the id of the message whose button was pressed
 * @param cleaned true when characters that should not travel were taken out of the text or caption
 *     ({@link id.pintu.dialog.VisibleText}): the message must not be copied on as Telegram has it
 * @param writtenAt when the family wrote it, as Telegram dated the message (an edit: when it was
 *     edited); null for a button press, which Telegram does not date
 */
public record Incoming(long updateId, long chatId, boolean privateChat, Long fromUserId, Integer threadId,
                       Input input, String kind, String text, String fileId, String languageHint,
                       String callbackQueryId, Integer messageId, boolean cleaned, java.time.Instant writtenAt) {}
