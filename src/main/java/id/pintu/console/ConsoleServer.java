package id.pintu.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.admin.AdminAuth;
import id.pintu.config.PintuConfig;
import id.pintu.store.AuditLog;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console under {@code /console/}: a login with an admin token opens a server-side
 * session (an HttpOnly, SameSite=Strict cookie); every change needs the session's CSRF token
 * in a header and a same-origin {@code Origin}. The pages are built assets in the jar
 * ({@code console/} on the class path); all data comes from {@code /console/api/*}.
 */
public final class ConsoleServer {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
  static final String COOKIE = "pintu_console";
  static final String CSRF_HEADER = "X-Pintu-CSRF";
  private static final String SESSION = "pintu.console.session";
  static final String BASE = "/console";
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final PintuConfig.Console cfg;
  private final AdminAuth auth;
  private final AuditLog audit;
  private final Clock clock;
  private final ConsoleSessions sessions;
  private final ObjectMapper json = new ObjectMapper();
  private final ConsoleScripts scripts;
  private final ConsoleDashboard dashboard;
  private final ConsoleCases cases;
  private final Map<String, String> pages = loadPages();

  public ConsoleServer(PintuConfig.Console cfg, AdminAuth auth, AuditLog audit, Clock clock, ConsoleScripts scripts,
                       ConsoleDashboard dashboard, ConsoleCases cases) {
    this.cfg = cfg;
    this.auth = auth;
    this.audit = audit;
    this.clock = clock;
    this.sessions = new ConsoleSessions(Duration.ofMinutes(cfg.idleMinutes()), clock);
    this.scripts = scripts;
    this.dashboard = dashboard;
    this.cases = cases;
  }

  public void mount(Router router) {
    router.route(BASE + "/*").handler(this::securityHeaders);
    router.get(BASE).handler(ctx -> { // Vert.x lets "/console" match "/console/" too
      if (ctx.request().path().equals(BASE)) redirect(ctx, BASE + "/");
      else ctx.next();
    });
    router.get(BASE + "/login").handler(ctx -> page(ctx, "login.html"));
    router.get(BASE + "/").handler(ctx -> {
      if (session(ctx) == null) redirect(ctx, BASE + "/login");
      else page(ctx, "index.html");
    });
    router.get(BASE + "/index.html").handler(ctx -> redirect(ctx, BASE + "/"));
    router.get(BASE + "/assets/*").handler(StaticHandler.create("console/assets").setCachingEnabled(true).setDirectoryListing(false));

    router.route(BASE + "/api/*").handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    router.route(BASE + "/api/*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.next();
    });
    router.post(BASE + "/api/login").handler(this::sameOrigin).blockingHandler(this::login, false);
    router.route(BASE + "/api/*").handler(this::guard);
    router.get(BASE + "/api/me").handler(ctx -> {
      ConsoleSessions.Session s = ctx.get(SESSION);
      ok(ctx, me(s));
    });
    router.post(BASE + "/api/logout").blockingHandler(this::logout, false);
    scripts.mount(router, this);
    dashboard.mount(router, this);
    cases.mount(router, this);
    router.route(BASE + "/api/*").handler(ctx -> error(ctx, 404, "no such console call"));
  }

  // ---- sessions, CSRF ------------------------------------------------------------------------

  private void securityHeaders(RoutingContext ctx) {
    ctx.response().putHeader("Content-Security-Policy", CSP).putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "same-origin").putHeader("X-Frame-Options", "DENY");
    ctx.next();
  }

  private ConsoleSessions.Session session(RoutingContext ctx) {
    Cookie c = ctx.request().getCookie(COOKIE);
    return c == null ? null : sessions.find(c.getValue());
  }

  /** Every API call but login needs a live session; a change also the CSRF token and the same origin. */
  private void guard(RoutingContext ctx) {
    ConsoleSessions.Session s = session(ctx);
    if (s == null) {
      error(ctx, 401, "please log in (again)");
      return;
    }
    HttpMethod m = ctx.request().method();
    if (!(m == HttpMethod.GET || m == HttpMethod.HEAD)) {
      if (!originMatches(ctx)) {
        error(ctx, 403, "a change must come from the console's own page");
        return;
      }
      String presented = ctx.request().getHeader(CSRF_HEADER);
      if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
        error(ctx, 403, "the page's security token is missing or old: reload the page");
        return;
      }
    }
    ctx.put(SESSION, s);
    ctx.next();
  }

  private void sameOrigin(RoutingContext ctx) {
    if (!originMatches(ctx)) error(ctx, 403, "a login must come from the console's own page");
    else ctx.next();
  }

  /**
   * The browser's {@code Origin} (else {@code Referer}) names this server: same host and port as
   * the {@code Host} the request was sent to. A request that names neither is refused, and so
   * is one the browser marks as cross-site.
   */
  static boolean originMatches(RoutingContext ctx) {
    String site = ctx.request().getHeader("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin")) return false;
    String origin = ctx.request().getHeader("Origin");
    if (origin == null || origin.equals("null")) origin = ctx.request().getHeader("Referer");
    io.vertx.core.net.HostAndPort self = ctx.request().authority(); // Host, or :authority over HTTP/2
    if (origin == null || self == null) return false;
    try {
      URI u = URI.create(origin);
      if (u.getHost() == null) return false;
      int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      int selfPort = self.port() >= 0 ? self.port() : port;
      return u.getHost().equalsIgnoreCase(self.host()) && port == selfPort;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A correct token always logs in; wrong ones are throttled with the admin API's (AdminAuth). */
  private void login(RoutingContext ctx) {
    String token = null;
    try {
      JsonNode body = json.readTree(ctx.body().asString("UTF-8"));
      if (body != null && body.get("token") != null) token = body.get("token").asText();
    } catch (Exception e) {
      // an unreadable body is a wrong token
    }
    AdminAuth.Admission a = auth.admitToken(token, ctx.request());
    if (a instanceof AdminAuth.Admission.Throttled t) {
      ctx.response().putHeader("Retry-After", Long.toString(t.retryAfterSeconds()));
      error(ctx, 429, "too many wrong tokens lately; try again in " + t.retryAfterSeconds() + " seconds");
      return;
    }
    if (!(a instanceof AdminAuth.Admission.Admitted admitted)) {
      LOG.info("console login refused from {}", auth.client(ctx.request()));
      error(ctx, 401, "this token is not known");
      return;
    }
    AdminAuth.Caller caller = admitted.caller();
    ConsoleSessions.Session s = sessions.open(caller);
    Cookie cookie = Cookie.cookie(COOKIE, s.id()).setPath(BASE).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(cfg.secureCookie());
    ctx.response().addCookie(cookie);
    auditQuietly(caller.name(), "console.login", null);
    ok(ctx, me(s));
  }

  private void logout(RoutingContext ctx) {
    ConsoleSessions.Session s = ctx.get(SESSION);
    sessions.close(s.id());
    ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath(BASE).setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
        .setSecure(cfg.secureCookie()).setMaxAge(0));
    auditQuietly(s.caller().name(), "console.logout", null);
    ok(ctx, Map.of("logged_out", true));
  }

  private static Map<String, Object> me(ConsoleSessions.Session s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.caller().name());
    m.put("role", s.caller().role().name().toLowerCase(Locale.ROOT));
    m.put("csrf", s.csrf());
    return m;
  }

  // ---- for the API parts ---------------------------------------------------------------------

  /** Lets the call through only for this role or a higher one. */
  Handler<RoutingContext> role(AdminAuth.Role needed) {
    return ctx -> {
      ConsoleSessions.Session s = ctx.get(SESSION);
      if (s == null || !s.caller().role().mayActAs(needed)) {
        error(ctx, 403, "your role may not do this; it needs " + needed.name().toLowerCase(Locale.ROOT));
        return;
      }
      ctx.next();
    };
  }

  static AdminAuth.Caller caller(RoutingContext ctx) {
    ConsoleSessions.Session s = ctx.get(SESSION);
    return s == null ? null : s.caller();
  }

  static String sessionId(RoutingContext ctx) {
    ConsoleSessions.Session s = ctx.get(SESSION);
    return s == null ? "" : s.id();
  }

  JsonNode body(RoutingContext ctx) {
    try {
      String b = ctx.body() == null ? null : ctx.body().asString("UTF-8");
      return b == null || b.isBlank() ? json.createObjectNode() : json.readTree(b);
    } catch (Exception e) {
      return null;
    }
  }

  void auditQuietly(String who, String action, String target) {
    try {
      audit.add(who, action, target, clock.instant());
    } catch (SQLException e) {
      LOG.warn("console: audit entry {} not written: {}", action, e.getMessage());
    }
  }

  void ok(RoutingContext ctx, Object body) {
    send(ctx, 200, body);
  }

  void send(RoutingContext ctx, int status, Object body) {
    try {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(json.writeValueAsString(body));
    } catch (Exception e) {
      ctx.fail(e);
    }
  }

  static void error(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(io.vertx.core.json.Json.encode(Map.of("error", message)));
  }

  static void storeDown(RoutingContext ctx, SQLException e) {
    LOG.warn("console: store unavailable: {}", e.getMessage());
    error(ctx, 503, "the store is not reachable; try again shortly");
  }

  private static void redirect(RoutingContext ctx, String to) {
    ctx.response().setStatusCode(302).putHeader("Location", to).end();
  }

  private void page(RoutingContext ctx, String name) {
    String html = pages.get(name);
    if (html == null) {
      ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8")
          .end("The console's pages are not in this build (run mvn package).");
      return;
    }
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store").end(html);
  }

  /** The two pages, read once from the jar (not on the event loop for every request). */
  private static Map<String, String> loadPages() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : new String[] {"index.html", "login.html"}) {
      try (InputStream in = ConsoleServer.class.getClassLoader().getResourceAsStream("console/" + name)) {
        if (in != null) m.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        LOG.warn("console page {} unreadable: {}", name, e.toString());
      }
    }
    if (m.size() < 2) LOG.warn("the console's built pages are missing from the class path: /console/ answers 503");
    return m;
  }
}
