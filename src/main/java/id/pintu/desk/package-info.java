/**
 * The counselors' desk in the staff supergroup: {@link id.pintu.desk.Desk} (a topic per
 * handed-off case, {@link id.pintu.desk.CaseTopics}, the {@link id.pintu.desk.HandoverCard}),
 * claims ({@link id.pintu.desk.ClaimDesk}, {@link id.pintu.desk.ClaimReminders}), the
 * {@link id.pintu.desk.Relay} between family and topic, counselor commands
 * ({@link id.pintu.desk.DeskCommands}), the {@link id.pintu.desk.WaitingRoom}, the after-hours
 * notice ({@link id.pintu.desk.AfterHours}) and the {@link id.pintu.desk.CrisisAlarm} (with or
 * without a staff chat).
 *
 * <p>Implements the conversation's {@link id.pintu.conversation.DeskHooks} and
 * {@link id.pintu.conversation.CrisisHooks} and the sender's hooks. May depend on the Telegram
 * bots library, Jackson and SLF4J, and of Pintu on {@link id.pintu.conversation},
 * {@link id.pintu.telegram}, {@link id.pintu.dialog}, {@link id.pintu.safety},
 * {@link id.pintu.privacy}, {@link id.pintu.store} and {@link id.pintu.config}.
 */
package id.pintu.desk;
