package id.pintu.admin;

import id.pintu.config.PintuConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens for the admin API. Only SHA-256 digests are kept in memory; a presented
 * token is hashed and compared with every known digest in constant time.
 */
public final class AdminAuth {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

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

  private final List<Known> known;

  AdminAuth(List<Known> known) {
    this.known = List.copyOf(known);
  }

  /** {@code PINTU_ADMIN_TOKEN} as role admin, and the tokens config names by environment variable. */
  public static AdminAuth from(PintuConfig.Admin cfg) {
    List<Known> k = new ArrayList<>();
    if (cfg.token() != null && !cfg.token().isBlank()) k.add(new Known(sha256(cfg.token()), new Caller("admin", Role.ADMIN)));
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
        k.add(new Known(sha256(secret), new Caller(var, role)));
      }
    }
    if (k.isEmpty()) LOG.info("no admin token configured (PINTU_ADMIN_TOKEN): the admin API answers 401 to everyone");
    return new AdminAuth(k);
  }

  /** Tokens given directly (tests, tools). */
  public static AdminAuth of(Map<String, Caller> tokens) {
    List<Known> k = new ArrayList<>();
    tokens.forEach((t, c) -> k.add(new Known(sha256(t), c)));
    return new AdminAuth(k);
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
