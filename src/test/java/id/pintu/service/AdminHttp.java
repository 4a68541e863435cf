package id.pintu.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Calls the service's HTTP server the way an admin's curl would. */
final class AdminHttp {
  static final String ADMIN = "admin-secret-1-for-tests-only";
  static final String SUPERVISOR = "supervisor-secret-2-for-tests-only";
  static final String VIEWER = "viewer-secret-3-for-tests-only";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ServiceHarness h;

  AdminHttp(ServiceHarness h) {
    this.h = h;
  }

  /** The harness set up with tokens and a private copy of the test dialogs (the API writes published scripts back). */
  static Path withTokensAndOwnDialogs(ServiceHarness h) throws Exception {
    Path dir = Files.createTempDirectory("pintu-dialogs");
    try (Stream<Path> s = Files.list(ServiceHarness.TEST_DIALOGS)) {
      for (Path p : s.toList()) Files.copy(p, dir.resolve(p.getFileName()));
    }
    h.set("PINTU_DIALOGS_DIR", dir.toString())
        .set("PINTU_DIALOGS_WATCH_SECONDS", "1")
        .set("PINTU_ADMIN_TOKEN", ADMIN)
        .set("PINTU_ADMIN_TOKENS", "supervisor:PINTU_TOKEN_SUPERVISOR, viewer:PINTU_TOKEN_VIEWER")
        .set("PINTU_TOKEN_SUPERVISOR", SUPERVISOR)
        .set("PINTU_TOKEN_VIEWER", VIEWER);
    return dir;
  }

  HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + h.service.httpPort() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return call("GET", path, token, null);
  }
}
