package io.todo.validator.seal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.todo.validator.cli.CliRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fetch-cert against a local HTTP server standing in for the controller's /v1/cert.pem. */
class FetchCertCommandTest {
  static final TestKeys KEYS = TestKeys.generate(2048);

  HttpServer server;
  String base;
  final List<String> paths = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      paths.add(ex.getRequestURI().getPath());
      String p = ex.getRequestURI().getPath();
      byte[] body;
      int status = 200;
      switch (p) {
        case "/v1/cert.pem", "/custom/cert.pem" -> body = KEYS.certPem().getBytes(StandardCharsets.US_ASCII);
        case "/garbage/v1/cert.pem" -> body = "<html>login</html>".getBytes(StandardCharsets.US_ASCII);
        case "/slow/v1/cert.pem" -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          body = KEYS.certPem().getBytes(StandardCharsets.US_ASCII);
        }
        case "/expired/v1/cert.pem" -> body = TestKeys.generate(1024, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"))
            .certPem().getBytes(StandardCharsets.US_ASCII);
        default -> {
          status = 404;
          body = "404 page not found\n".getBytes(StandardCharsets.US_ASCII);
        }
      }
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      } catch (IOException ignored) {
        // the client gave up (timeout test)
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetchesFromTheControllerEndpoint() {
    CliRunner.Result r = CliRunner.run("fetch-cert", base);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(KEYS.certPem());
    assertThat(paths).containsExactly("/v1/cert.pem");
  }

  @Test
  void fullPemUrlIsUsedAsIsAndWrittenToAFile(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sealed-secrets.pem");
    CliRunner.Result r = CliRunner.run("fetch-cert", base + "/custom/cert.pem", "-w", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).isEqualTo(KEYS.certPem());
    assertThat(paths).containsExactly("/custom/cert.pem");
    // the fetched certificate seals
    CliRunner.Result s = CliRunner.runWithStdin(SealCommandTest.SECRET, "seal", "--cert", out.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
  }

  @Test
  void clearErrors() throws IOException {
    CliRunner.Result notFound = CliRunner.run("fetch-cert", base + "/nothing");
    assertThat(notFound.exitCode()).isEqualTo(2);
    assertThat(notFound.err()).isEqualTo("error: cannot fetch " + base + "/nothing/v1/cert.pem: HTTP 404\n");
    CliRunner.Result garbage = CliRunner.run("fetch-cert", base + "/garbage");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).contains("no PEM certificate or public key found");
    CliRunner.Result slow = CliRunner.run("fetch-cert", base + "/slow", "--timeout", "0.3");
    assertThat(slow.exitCode()).isEqualTo(2);
    assertThat(slow.err()).contains("timed out after 300 ms");
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    CliRunner.Result refused = CliRunner.run("fetch-cert", "http://127.0.0.1:" + closed, "--timeout", "2");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("error: cannot fetch http://127.0.0.1:" + closed + "/v1/cert.pem: ").contains("port-forward");
    CliRunner.Result bad = CliRunner.run("fetch-cert", "ftp://example");
    assertThat(bad.err()).contains("expected http(s)://host");
    assertThat(CliRunner.run("fetch-cert", base, "--timeout", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void warnsAboutAnExpiredCertificate() {
    CliRunner.Result r = CliRunner.run("fetch-cert", base + "/expired");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("warning: certificate expired on 2021-01-01T00:00:00Z");
  }
}
