package id.pintu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.pintu.config.PintuConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store: a pooled data source, migrated on start. H2 runs in PostgreSQL mode so
 * the same SQL serves both. All calls block: run them on worker threads, never an event loop.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource ds;
  private final boolean postgres;
  private final FieldCipher cipher;
  /** H2 only: PostgreSQL commits are durable when they return (per synchronous_commit). */
  private final GroupCommit group;
  /** H2 only: which commit made each chat's newest replies, so a send waits for just that one. */
  private final ReplyCommits replies;
  /** Payloads of outbox rows just written here, so the sender need not read them back. */
  private final FreshPayloads fresh = new FreshPayloads();

  /** How long a write-out waits for lanes still processing updates just taken in. */
  private static final long LINGER_NANOS = 3_000_000L;

  private Database(HikariDataSource ds, boolean postgres, FieldCipher cipher) {
    this.ds = ds;
    this.postgres = postgres;
    this.cipher = cipher;
    this.group = postgres ? null : new GroupCommit(this::checkpoint, LINGER_NANOS);
    this.replies = postgres ? null : new ReplyCommits();
  }

  /**
   * Opens and migrates the store, then checks that {@code keys} are the keys its sealed values
   * were written with (see {@link KeyCheck}).
   *
   * @throws KeyProblem when a key is missing or wrong
   */
  public static Database open(PintuConfig.Store cfg, Keyring keys) {
    String url = jdbcUrl(cfg.url());
    boolean pg = url.startsWith("jdbc:postgresql:");
    if (url.startsWith("jdbc:h2:file:")) {
      ownerOnlyFolder(url);
      refuseIfInUse(url, cfg);
    }
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url);
    hc.setUsername(cfg.user());
    hc.setPassword(cfg.password());
    hc.setMaximumPoolSize(cfg.poolSize());
    hc.setPoolName("pintu-store");
    hc.setAutoCommit(true);
    hc.setConnectionTimeout(5_000);
    hc.setInitializationFailTimeout(-1); // start even if the store is down; readiness says so
    hc.setExceptionOverrideClassName(BrokenConnectionEviction.class.getName()); // a dead link is dropped, not reused
    HikariDataSource ds = new HikariDataSource(hc);
    var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    String schema = pg ? currentSchema(url) : null;
    // A URL naming its schema (?currentSchema=pintu) gets its tables there, the schema made if
    // missing; a plain jdbc:postgresql://host/db URL keeps the server's default (public).
    if (schema != null) flyway = flyway.schemas(schema).defaultSchema(schema);
    flyway.load().migrate();
    FieldCipher cipher = new FieldCipher(keys);
    try (Connection c = ds.getConnection()) {
      KeyCheck.verify(c, cipher, java.time.Instant.now());
    } catch (SQLException | RuntimeException e) {
      ds.close();
      if (e instanceof RuntimeException r) throw r;
      throw new IllegalStateException("the store's encryption keys cannot be checked: " + e.getMessage(), e);
    }
    if (url.startsWith("jdbc:h2:file:")) ownerOnlyFiles(url);
    LOG.info("store ready ({}{})", pg ? "postgresql" : "h2", schema == null ? "" : ", schema " + schema);
    return new Database(ds, pg, cipher);
  }

  /** The H2 file is held by another process (a second Pintu in the same folder). */
  public static final class StoreInUse extends RuntimeException {
    StoreInUse(String sentence) {
      super(sentence);
    }
  }

  /**
   * One plain connection first: through the pool, a file another process holds showed as a
   * 5-second hang and a long Flyway and Hikari trace instead of what was wrong.
   */
  private static void refuseIfInUse(String url, PintuConfig.Store cfg) {
    try (Connection c = java.sql.DriverManager.getConnection(url, cfg.user(), cfg.password())) {
      c.isValid(1);
    } catch (SQLException e) {
      if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
        throw new StoreInUse("The store " + cfg.url() + " is in use by another process: is Pintu already running in this folder? "
            + "Stop it first, or give this one its own store.url.");
      }
      // Anything else is reported where the pool meets it, as before.
    }
  }

  /** H2 gets PostgreSQL compatibility and lower-case names, so one SQL dialect serves both. */
  static String jdbcUrl(String url) {
    if (!url.startsWith("jdbc:h2:")) return url;
    String u = url;
    u = withDefault(u, "MODE", "PostgreSQL");
    u = withDefault(u, "DATABASE_TO_LOWER", "TRUE");
    u = withDefault(u, "DEFAULT_NULL_ORDERING", "HIGH");
    // H2 keeps 8 parsed statements per connection by default; one update's transaction uses
    // about ten different ones, so every statement was parsed again each time.
    u = withDefault(u, "QUERY_CACHE_SIZE", "64");
    // H2's background writer compacts the file on its own, under the store's lock: with the
    // group commit's write-outs that held them up to 350 ms now and then (p99 at 50 updates/s
    // 130-270 ms, 20 ms without). Compaction is done in small steps instead (compactStep).
    u = withDefault(u, "AUTO_COMPACT_FILL_RATE", "0");
    // H2's page cache (by default a share of the heap: 16 MB at -Xmx256m) keeps every page
    // version a commit writes; those live past a young collection and are copied and promoted,
    // which set the length of the pauses a reply can meet. With 4 MB the young pauses were
    // ~30 % shorter (9 vs 13 ms at 50 updates/s), for the same throughput; the hot pages are
    // the tables' newest rows.
    u = withDefault(u, "CACHE_SIZE", "4096");
    // H2 would close the database from its own shutdown hook, racing the service's: the sender,
    // lanes and group commit then met a closed store on every normal stop. The service closes it
    // itself, last (PintuService.close).
    u = withDefault(u, "DB_CLOSE_ON_EXIT", "FALSE");
    return u;
  }

  /** Appends {@code ;key=value} unless the admin's URL already sets the key (any case). */
  private static String withDefault(String url, String key, String value) {
    return url.toUpperCase(java.util.Locale.ROOT).contains(";" + key + "=") ? url : url + ";" + key + "=" + value;
  }

  /** The first schema of a PostgreSQL URL's {@code currentSchema} parameter, or null. */
  static String currentSchema(String url) {
    int q = url.indexOf('?');
    if (q < 0) return null;
    for (String kv : url.substring(q + 1).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase("currentSchema")) {
        String first = java.net.URLDecoder.decode(kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8).split(",")[0].trim();
        return first.isEmpty() ? null : first;
      }
    }
    return null;
  }

  /** The H2 file's path without H2's suffixes, e.g. {@code ./data/pintu}. */
  private static Path h2Base(String url) {
    return Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0]).toAbsolutePath();
  }

  /** The store's folder: made 0700, or tightened to it (see {@link OwnerOnly#folder}). */
  private static void ownerOnlyFolder(String url) {
    Path base = h2Base(url);
    try {
      if (base.getParent() != null) OwnerOnly.folder(base.getParent(), base.getFileName().toString());
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the data folder " + base.getParent() + ": " + e.getMessage(), e);
    }
  }

  /** The files H2 made (and the key file beside them): 0600. */
  private static void ownerOnlyFiles(String url) {
    Path base = h2Base(url);
    try {
      if (base.getParent() != null) OwnerOnly.files(base.getParent(), base.getFileName().toString());
    } catch (Exception e) {
      LOG.warn("the store's files in {} could not be made owner-only ({}): chmod 600 them", base.getParent(), e.toString());
    }
  }

  public boolean postgres() {
    return postgres;
  }

  /** Seals and opens what families and counselors wrote; every store goes through it. */
  public FieldCipher cipher() {
    return cipher;
  }

  /**
   * True when other nodes may share this store (PostgreSQL): chats are then taken in turns
   * with advisory locks ({@link ChatTurns}), cached sessions are not trusted, and sending
   * and scheduled jobs run on the leader only ({@link ClusterLeader}). H2 is embedded in
   * one process: never shared.
   */
  public boolean shared() {
    return postgres;
  }

  public Connection connection() throws SQLException {
    return ds.getConnection();
  }

  /** Work that reads or writes in one transaction. */
  @FunctionalInterface
  public interface TxWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  public <T> T inTransaction(TxWork<T> work) throws SQLException {
    java.util.Set<Long> outer = replies == null ? null : replies.begin();
    long count = -1;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        if (group == null) c.commit();
        else count = group.commit(c::commit);
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } finally {
      if (replies != null) replies.ended(count, outer);
    }
  }

  /** Inside {@link #inTransaction}: an outbox row for {@code chatId} was added. */
  FreshPayloads freshPayloads() {
    return fresh;
  }

  void replyAdded(long chatId) {
    if (replies != null) replies.added(chatId);
  }

  /**
   * Returns once the commits that wrote the pending outbox rows of {@code chats} survive a
   * killed process: before their replies leave, the state that caused them must be on disk.
   * Unlike {@link #flush()}, it does not wait for commits made since (e.g. earlier replies'
   * "sent" marks, whose loss after a crash costs a repeated message, not a lost one).
   */
  public void awaitRepliesWritten(java.util.Collection<Long> chats) throws SQLException {
    if (group == null) return;
    long need = 0;
    for (long chat : chats) need = Math.max(need, replies.needed(chat));
    if (need == ReplyCommits.NOW) flush();
    else if (need > 0) group.await(need);
    if (replies.size() > FORGET_REPLIES_ABOVE) replies.forgetUpTo(group.durable());
  }

  /** Chats remembered in {@link ReplyCommits} before the written-out ones are dropped. */
  private static final int FORGET_REPLIES_ABOVE = 4_096;

  /**
   * A mark for every transaction committed so far through {@link #inTransaction}, to wait for
   * with {@link #awaitDurable}. Take it after the commits (or the read of what they wrote)
   * that must survive.
   */
  public long commitMark() {
    return group == null ? 0 : group.mark();
  }

  /**
   * Returns once every transaction up to {@code mark} survives a killed process. H2 writes
   * commits to its file in the background (within WRITE_DELAY, 500 ms); this waits for a
   * write-out shared by every caller waiting at the time ({@link GroupCommit}). PostgreSQL
   * commits are already durable (per synchronous_commit): nothing to wait for.
   */
  public void awaitDurable(long mark) throws SQLException {
    if (group != null) group.await(mark);
  }

  /**
   * Has everything committed so far written out as soon as possible, without waiting for it
   * (H2; PostgreSQL commits are durable already). For commits whose loss after a crash costs
   * a repeated message rather than a lost one, which should still be short-lived.
   */
  public void writeOutSoon() {
    if (group != null) group.request(group.mark());
  }

  /** Makes everything committed so far through {@link #inTransaction} survive a killed process. */
  public void flush() throws SQLException {
    awaitDurable(commitMark());
  }

  /** While {@code busy}, a write-out waits a few milliseconds so that commits on their way share it. */
  public void lingerWhile(java.util.function.BooleanSupplier busy) {
    if (group != null) group.lingerWhile(busy);
  }

  /** Write-outs so far and the seconds they took (H2); zeros on PostgreSQL. */
  public long writeOuts() {
    return group == null ? 0 : group.writeOuts();
  }

  public double writeOutSeconds() {
    return group == null ? 0 : group.writeOutSeconds();
  }

  private void checkpoint() throws SQLException {
    // CHECKPOINT writes the store's changed pages out (MVStore commit); it does not fsync:
    // it survives a killed process, not a power cut.
    try (Connection c = ds.getConnection(); var st = c.createStatement()) {
      st.execute("CHECKPOINT");
    }
  }

  /**
   * H2 only: one small step of compaction, so that the file stays near its live size without
   * H2's own background compaction (see {@link #jdbcUrl}): when less than
   * {@code targetFillRate} % of the file's chunks is live, rewrites the live pages of the
   * emptiest chunks, about {@code bytes} of them, so those chunks can be freed and reused.
   *
   * @return the chunks' fill rate in % before the step, or -1 when there is nothing to do here
   */
  public int compactStep(int targetFillRate, int bytes) throws SQLException {
    if (postgres) return -1;
    try (Connection c = ds.getConnection()) {
      org.h2.mvstore.MVStore mv = ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession())
          .getDatabase().getStore().getMvStore();
      if (mv.getFileStore() == null) return -1; // an in-memory database
      int fill = mv.getFileStore().getChunksFillRate();
      if (fill >= targetFillRate) return fill;
      mv.compact(targetFillRate, bytes);
      return fill;
    }
  }

  /** True when a trivial query answers within a second. */
  public boolean reachable() {
    try (Connection c = ds.getConnection(); var st = c.createStatement()) {
      st.setQueryTimeout(1);
      st.execute("SELECT 1");
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (group != null) group.close();
    ds.close();
  }
}
