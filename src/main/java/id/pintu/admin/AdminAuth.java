package id.pintu.admin;

import id.pintu.config.PintuConfig;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens for the admin API and the console. Only SHA-256 digests are kept in memory; a
 * presented token is hashed and compared with every known digest in constant time. Wrong
 * tokens are throttled ({@link AuthThrottle}); a correct one is always let in. Every token is
 * at least {@link #MIN_TOKEN_LENGTH} characters: guessing one is then hopeless at any speed.
 */
public final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);
  public static final int MIN_TOKEN_LENGTH = 24;

  /** What a token may do. Each role may do what the roles below it may. */
  public enum Role {
    /** Reads scripts and their pictures, validates drafts. */
    VIEWER,
    /** Also reads cases and exports them. */
    SUPERVISOR,
    /** Also publishes and rolls back scripts. */
    ADMIN;

    public boolean mayActAs(Role needed) {
      return ordinal() >= needed.ordinal();
    }

    public static Role parse(String s) {
      return Role.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** Who is calling: the token's name (for the audit log) and role. */
  public record Caller(String name, Role role) {}

  private record Known(byte[] digest, Caller caller) {}

  /** What a request's token earned it. */
  public sealed interface Admission {
    /** A known token. */
    record Admitted(Caller caller) implements Admission {}

    /** No token, or one nobody has: 401. */
    record Unknown() implements Admission {}

    /** A wrong token while too many came lately: 429, try again after this many seconds. */
    record Throttled(long retryAfterSeconds) implements Admission {}
  }

  /** A configured token too short to be safe: the service does not start. */
  public static final class WeakToken extends RuntimeException {
    WeakToken(String message) {
      super(message);
    }
  }

  private final List<Known> known;
  private final AuthThrottle throttle;
  private final TrustedProxies proxies;

  AdminAuth(List<Known> known, Clock clock, TrustedProxies proxies) {
    this.known = List.copyOf(known);
    this.throttle = new AuthThrottle(clock);
    this.proxies = proxies;
  }

  /** {@code PINTU_ADMIN_TOKEN} as role admin, and the tokens config names by environment variable. */
  public static AdminAuth from(PintuConfig.Admin cfg) {
    return from(cfg, Clock.systemUTC(), TrustedProxies.NONE);
  }

  /**
   * The same, throttled on {@code clock}, with the client's address read as {@code proxies} allow.
   *
   * @throws WeakToken when a configured token is shorter than {@link #MIN_TOKEN_LENGTH}
   */
  public static AdminAuth from(PintuConfig.Admin cfg, Clock clock, TrustedProxies proxies) {
    List<Known> k = new ArrayList<>();
    if (cfg.token() != null && !cfg.token().isBlank()) {
      strongEnough("PINTU_ADMIN_TOKEN", cfg.token());
      k.add(new Known(sha256(cfg.token().trim()), new Caller("admin", Role.ADMIN)));
    }
    if (cfg.tokens() != null) {
      for (String ref : cfg.tokens().split(",")) {
        String[] roleVar = ref.trim().split(":", 2);
        if (roleVar.length != 2) {
          if (!ref.isBlank()) LOG.warn("admin.tokens: '{}' is not role:ENV_VAR; ignored", ref.trim());
          continue;
        }
        Role role;
        try {
          role = Role.parse(roleVar[0]);
        } catch (IllegalArgumentException e) {
          LOG.warn("admin.tokens: unknown role '{}' (admin, supervisor, viewer); ignored", roleVar[0].trim());
          continue;
        }
        String var = roleVar[1].trim();
        String secret = cfg.secrets().get(var);
        if (secret == null || secret.isBlank()) {
          LOG.warn("admin.tokens: {} is not set in the environment; that token is disabled", var);
          continue;
        }
        strongEnough(var, secret);
        k.add(new Known(sha256(secret.trim()), new Caller(var, role)));
      }
    }
    if (k.isEmpty()) LOG.warn("no admin token configured (PINTU_ADMIN_TOKEN): the admin API and the console refuse everyone");
    return new AdminAuth(k, clock, proxies);
  }

  private static void strongEnough(String var, String token) {
    int n = token.trim().length();
    if (n < MIN_TOKEN_LENGTH) {
      throw new WeakToken(var + " is " + n + " character" + (n == 1 ? "" : "s") + " long; a token needs at least " + MIN_TOKEN_LENGTH
          + ": make one with 'openssl rand -base64 32' and set " + var + " to it.");
    }
  }

  /** Tokens given directly (tests, tools). */
  public static AdminAuth of(Map<String, Caller> tokens) {
    List<Known> k = new ArrayList<>();
    tokens.forEach((t, c) -> k.add(new Known(sha256(t), c)));
    return new AdminAuth(k, Clock.systemUTC(), TrustedProxies.NONE);
  }

  /** A request's {@code Authorization} header, throttled by where the request came from. */
  public Admission admit(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    return judge(header == null || header.isBlank() ? null : header, request);
  }

  /** A token typed into the console's login, throttled by where the request came from. */
  public Admission admitToken(String token, HttpServerRequest request) {
    return judge(token == null || token.isBlank() ? null : "Bearer " + token.trim(), request);
  }

  /**
   * The token is checked first: a correct one is let in whatever the throttle says. Only a
   * wrong one counts against its source; nothing presented at all is not a guess and is not
   * counted (a health probe without a token).
   */
  private Admission judge(String authorization, HttpServerRequest request) {
    Caller c = check(authorization);
    if (c != null) return new Admission.Admitted(c);
    if (authorization == null) return new Admission.Unknown();
    long wait = throttle.failed(proxies.client(request));
    return wait == 0 ? new Admission.Unknown() : new Admission.Throttled(wait);
  }

  /** Where a request came from, as {@code http.trustedProxies} allows it to be read. */
  public String client(HttpServerRequest request) {
    return proxies.client(request);
  }

  /** The caller of an {@code Authorization} header value, or null when it names no known token. */
  public Caller check(String authorization) {
    if (authorization == null) return null;
    String a = authorization.trim();
    if (a.length() < 7 || !a.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    byte[] presented = sha256(a.substring(7).trim());
    Caller found = null;
    for (Known k : known) { // no early exit: the time does not depend on which token matched
      if (MessageDigest.isEqual(k.digest(), presented) && found == null) found = k.caller();
    }
    return found;
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
