/**
 * The JDBC store and the encryption at rest of what families and counselors wrote.
 *
 * <p>{@link id.pintu.store.Database} (Hikari pool, Flyway migrations, H2 in PostgreSQL mode or
 * PostgreSQL) and the stores on it ({@link id.pintu.store.InboxStore},
 * {@link id.pintu.store.SessionStore}, {@link id.pintu.store.CaseStore},
 * {@link id.pintu.store.TranscriptStore}, {@link id.pintu.store.OutboxStore},
 * {@link id.pintu.store.PrivacyStore}, ...), {@link id.pintu.store.ChatTurns} and
 * {@link id.pintu.store.ClusterLeader} for several nodes. The stores seal on write and open on
 * read with {@link id.pintu.store.FieldCipher}; the keys are {@link id.pintu.store.Keyring}
 * and {@link id.pintu.store.Keys}, checked at start by {@link id.pintu.store.KeyCheck};
 * {@link id.pintu.store.SealedColumn} lists what is sealed; {@link id.pintu.store.Rekey} and
 * the {@code rekey} command re-seal under a new key; {@link id.pintu.store.OwnerOnly} keeps
 * the data folder and key file the service user's own.
 *
 * <p>All calls block: run them on worker threads. May depend on JDBC, HikariCP, Flyway,
 * Jackson, Caffeine and SLF4J, and of Pintu on {@link id.pintu.config} only; the privacy
 * policy ({@link id.pintu.privacy}) depends on this package, never the reverse. See
 * docs/PRIVACY.md.
 */
package id.pintu.store;
