/**
 * A family's conversation, applied to the store: {@link id.pintu.conversation.InboxDispatcher}
 * feeds stored updates to their chat's lane ({@link id.pintu.conversation.ChatLanes}, one lane
 * per chat, in order), where the {@link id.pintu.conversation.ConversationProcessor} runs the
 * engine and commits all it caused in one transaction; {@link id.pintu.conversation.FloodGuard},
 * {@link id.pintu.conversation.IdleConversations}, {@link id.pintu.conversation.PendingReprompts},
 * {@link id.pintu.conversation.SessionCodec} and {@link id.pintu.conversation.ScriptBooks} (the
 * scripts a conversation is pinned to). The desk joins through
 * {@link id.pintu.conversation.DeskHooks} and {@link id.pintu.conversation.CrisisHooks},
 * interfaces the desk implements.
 *
 * <p>May depend on the Telegram bots library, Jackson, Caffeine and SLF4J, and of Pintu on
 * {@link id.pintu.telegram}, {@link id.pintu.dialog}, {@link id.pintu.safety},
 * {@link id.pintu.privacy}, {@link id.pintu.store} and {@link id.pintu.config}; never on the
 * desk.
 */
package id.pintu.conversation;
