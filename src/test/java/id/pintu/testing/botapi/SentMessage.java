package id.pintu.testing.botapi;

import java.time.Instant;

/**
 * A message the bot put into a chat (sendMessage, copyMessage, forwardMessage), or the
 * new state of one after an edit (editMessageText, editMessageReplyMarkup).
 *
 * @param replyMarkupJson the {@code reply_markup} as JSON, or null
 * @param threadId        the forum topic ({@code message_thread_id}), or null
 * @param method          the method that produced it
 */
public record SentMessage(long chatId, int messageId, String text, String replyMarkupJson,
                          Integer threadId, String method, Instant at) {
}
