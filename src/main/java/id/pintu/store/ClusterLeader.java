package id.pintu.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node leads: the one that sends to Telegram and runs the scheduled jobs, so they
 * happen once, not once per node. On PostgreSQL the leader is the node holding a
 * session-level advisory lock ({@code pg_try_advisory_lock}) on a connection of its own,
 * outside the pool. Leadership lives exactly as long as that connection: if the node dies,
 * PostgreSQL drops the session and the lock with it, and another node takes it within
 * {@link #CHECK_MILLIS} plus {@link #TAKEOVER_GRACE_MILLIS}. The leader checks its connection every {@code CHECK_MILLIS} with a
 * short socket timeout, and stops leading as soon as a check fails; the server notices a
 * silent client later (keepalives set below), so two nodes never lead at once. On H2 (one
 * process) this node always leads.
 *
 * <p>To run a scheduled job once across nodes: {@code timers.scheduleWithFixedDelay(leader.only(job), ...)}.
 */
public final class ClusterLeader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterLeader.class);
  /**
   * The leader lock's key, in the two-int key space (chats use the one-bigint space): 'PNTU'
   * and the schema's hash, so deployments in different schemas of one database elect apart.
   */
  static final int KEY_CLASS = 0x504E5455;
  static final long CHECK_MILLIS = 1_000;
  /** The leader's own check gives up after this; the server's keepalive (5 s + 3 x 2 s) is later. */
  static final int SOCKET_TIMEOUT_SECONDS = 4;
  /**
   * A node that has just taken the lock waits this long before it acts. When the server ends
   * the old leader's session (an admin's pg_terminate_backend, a restart or fail-over) the lock
   * is free at once, but the old leader only learns it at its next check, up to
   * {@link #CHECK_MILLIS} later: acting at once could let both send the same reply.
   */
  static final long TAKEOVER_GRACE_MILLIS = 2 * CHECK_MILLIS + 500;

  private final String url;
  private final Properties props;
  private final String node;
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean leading;
  private volatile boolean running = true;
  private Connection conn;
  /** When this node took the lock (nanoTime), or 0 while it does not hold it. */
  private long lockedAt;

  private ClusterLeader(String url, String user, String password, String node, boolean always) {
    this.url = url;
    this.node = node;
    this.props = new Properties();
    if (user != null) props.setProperty("user", user);
    if (password != null) props.setProperty("password", password);
    props.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    props.setProperty("connectTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    props.setProperty("tcpKeepAlive", "true");
    props.setProperty("ApplicationName", "pintu-leader " + node);
    this.leading = always;
    this.thread = always ? null : new Thread(this::loop, "pintu-leader");
  }

  /** The leader election for this store: always this node on H2, a contest on PostgreSQL. */
  public static ClusterLeader forStore(Database db, String url, String user, String password, String node) {
    if (!db.shared()) return new ClusterLeader(null, null, null, node, true);
    ClusterLeader l = new ClusterLeader(url, user, password, node, false);
    l.thread.setDaemon(true);
    l.thread.start();
    return l;
  }

  public boolean leading() {
    return leading;
  }

  /** Told true when this node starts leading, false when it stops. */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  /** {@code job}, run only while this node leads (a no-op on the others). */
  public Runnable only(Runnable job) {
    return () -> {
      if (leading) job.run();
    };
  }

  private void loop() {
    while (running) {
      try {
        if (conn == null) connect();
        if (lockedAt == 0) {
          if (tryLock()) lockedAt = System.nanoTime();
        } else {
          check();
        }
        if (lockedAt != 0 && !leading && System.nanoTime() - lockedAt >= TAKEOVER_GRACE_MILLIS * 1_000_000L) set(true);
      } catch (SQLException | RuntimeException e) {
        if (leading) LOG.warn("node {} lost the leader's connection ({}): no longer leading", node, e.getMessage());
        set(false);
        lockedAt = 0;
        closeQuietly();
      }
      sleep(lockedAt != 0 && !leading ? 100 : CHECK_MILLIS);
    }
    set(false);
    closeQuietly();
  }

  private void connect() throws SQLException {
    conn = DriverManager.getConnection(url, props);
    try (Statement st = conn.createStatement()) {
      // The server drops a session whose client went silent within about 11 s; the client's own
      // check fails within CHECK_MILLIS + SOCKET_TIMEOUT_SECONDS, so it always stops leading first.
      st.execute("SET tcp_keepalives_idle = 5");
      st.execute("SET tcp_keepalives_interval = 2");
      st.execute("SET tcp_keepalives_count = 3");
    }
  }

  private boolean tryLock() throws SQLException {
    try (Statement st = conn.createStatement();
         ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + KEY_CLASS + ", hashtext(current_schema()))")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** The session is alive, so the session-level lock is still ours. */
  private void check() throws SQLException {
    try (Statement st = conn.createStatement()) {
      st.setQueryTimeout(SOCKET_TIMEOUT_SECONDS);
      st.execute("SELECT 1");
    }
  }

  private void set(boolean now) {
    if (leading == now) return;
    leading = now;
    if (now) LOG.info("node {} is now the leader: it sends and runs the scheduled jobs", node);
    for (Consumer<Boolean> l : listeners) {
      try {
        l.accept(now);
      } catch (RuntimeException e) {
        LOG.warn("leadership listener failed: {}", e.toString());
      }
    }
  }

  private void closeQuietly() {
    if (conn == null) return;
    try {
      conn.close();
    } catch (SQLException ignored) {
      // gone already
    }
    conn = null;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread == null) return;
    thread.interrupt();
    try {
      thread.join(3_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
