package id.pintu.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.pintu.admin.AdminAuth;
import java.security.SecureRandom;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Console logins, kept in memory only: a random session id (the cookie) maps to the token's
 * caller and a CSRF token of its own. A session ends after the idle time, at logout, or when
 * the service restarts (then the admin logs in again; nothing else is lost).
 */
final class ConsoleSessions {
  /** One logged-in browser. */
  record Session(String id, AdminAuth.Caller caller, String csrf) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Cache<String, Session> sessions;

  /** Sessions expire on the service's clock, so idle time is what the clock says. */
  ConsoleSessions(Duration idle, Clock clock) {
    Ticker ticker = () -> clock.millis() * 1_000_000L;
    sessions = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(10_000).ticker(ticker).build();
  }

  Session open(AdminAuth.Caller caller) {
    Session s = new Session(random(), caller, random());
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session with this id (touching it), or null. */
  Session find(String id) {
    return id == null || id.isEmpty() ? null : sessions.getIfPresent(id);
  }

  void close(String id) {
    if (id != null) sessions.invalidate(id);
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
