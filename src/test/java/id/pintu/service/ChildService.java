package id.pintu.service;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The service in a child JVM, with the harness's environment and config file, so a test can
 * kill it without warning ({@code destroyForcibly}, i.e. kill -9) and start it again on the
 * same store. Shared by the crash and restart tests.
 */
final class ChildService {
  private ChildService() {}

  /** A free local port for the child's HTTP server (readiness is checked there). */
  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the service in its own process and waits until it is ready; its log goes to target/{@code name}.log. */
  static Process start(ServiceHarness h, int port, String name) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "id.pintu.Main", "run",
        "--config", h.configFileForChild().toString());
    pb.environment().putAll(h.env);
    File log = Path.of("target", name + ".log").toFile();
    pb.redirectErrorStream(true).redirectOutput(log);
    Process p = pb.start();
    HttpClient http = HttpClient.newHttpClient();
    waitUntil(() -> {
      if (!p.isAlive()) throw new AssertionError("service process exited: see " + log);
      try {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }, Duration.ofSeconds(180), "the service to be ready");
    return p;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitUntil(Check c, Duration max, String what) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (c.ok()) return;
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
