package id.pintu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The store a test runs on, chosen by configuration alone: {@code -DPINTU_TEST_STORE=postgres}
 * (or the environment variable of the same name) runs the store-touching tests on PostgreSQL,
 * anything else (the default) on an H2 file. On PostgreSQL each instance gets a fresh schema,
 * dropped at {@link #close()}, so tests stay independent of each other and of earlier runs.
 *
 * <p>PostgreSQL is found at {@code PINTU_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), user {@code PINTU_TEST_PG_USER} (default
 * {@code postgres}), password {@code PINTU_TEST_PG_PASSWORD} (default empty: trust auth in CI).
 */
public final class TestStore implements AutoCloseable {
  public enum Kind { H2, POSTGRES }

  /** The encryption key tests run with: known, so a test can switch keys on purpose; never used outside tests. */
  public static final String TEST_KEY_ID = "test1";
  public static final String TEST_KEY = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

  private final Kind kind;
  private final String url;
  private final String user;
  private final String password;
  private final String schema;

  private TestStore(Kind kind, String url, String user, String password, String schema) {
    this.kind = kind;
    this.url = url;
    this.user = user;
    this.password = password;
    this.schema = schema;
  }

  /** The store kind this run asked for. */
  public static Kind configured() {
    String v = setting("PINTU_TEST_STORE", "h2").trim().toLowerCase(Locale.ROOT);
    return v.startsWith("pg") || v.startsWith("postgres") ? Kind.POSTGRES : Kind.H2;
  }

  /** A fresh store of the configured kind; an H2 file goes under {@code dir}. */
  public static TestStore fresh(Path dir) throws SQLException {
    return fresh(configured(), dir);
  }

  public static TestStore fresh(Kind kind, Path dir) throws SQLException {
    if (kind == Kind.H2) {
      try {
        Files.createDirectories(dir);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return new TestStore(Kind.H2, "jdbc:h2:file:" + dir.resolve("pintu").toAbsolutePath(), "sa", "", null);
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword()); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    String base = pgUrl();
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return new TestStore(Kind.POSTGRES, url, pgUser(), pgPassword(), schema);
  }

  /** Null when PostgreSQL answers; otherwise why not, for an assumption's message. */
  public static String postgresUnreachable() {
    try (Connection c = DriverManager.getConnection(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "connectTimeout=3", pgUser(), pgPassword());
         Statement st = c.createStatement()) {
      st.execute("SELECT 1");
      return null;
    } catch (SQLException e) {
      return "PostgreSQL not reachable at " + pgUrl() + " as " + pgUser() + ": " + e.getMessage();
    }
  }

  /** The test key alone, for a test that opens the store itself. */
  public static id.pintu.store.Keyring testKeys() {
    return id.pintu.store.Keyring.parse(TEST_KEY_ID, TEST_KEY, null);
  }

  /** The schema holding this store's tables ({@code public} for H2). */
  public String schema() {
    return schema == null ? "public" : schema;
  }

  /** The H2 database file itself, to inspect its raw bytes; null on PostgreSQL. */
  public Path h2File() {
    return kind == Kind.H2 ? Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db") : null;
  }

  public Kind kind() {
    return kind;
  }

  public boolean postgres() {
    return kind == Kind.POSTGRES;
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** A plain JDBC connection to this store, for a test's own checks (H2 in the mode Pintu uses). */
  public Connection connect() throws SQLException {
    String u = kind == Kind.H2 ? url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" : url;
    return DriverManager.getConnection(u, user, password);
  }

  @Override
  public void close() throws SQLException {
    if (schema == null) return;
    try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword()); Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static String pgUrl() {
    return setting("PINTU_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  }

  private static String pgUser() {
    return setting("PINTU_TEST_PG_USER", "postgres");
  }

  private static String pgPassword() {
    return setting("PINTU_TEST_PG_PASSWORD", "");
  }

  private static String setting(String name, String fallback) {
    String v = System.getProperty(name);
    if (v == null || v.isBlank()) v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
