package io.todo.validator.seal;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.ValidatorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Fetches a controller's public certificate from its {@code /v1/cert.pem} endpoint (what
 * {@code kubeseal --fetch-cert} reads through the API server proxy; here through a port-forward
 * or an ingress). Only the certificate is public: nothing else is sent or read.
 */
public final class CertFetcher {
  static final int MAX_BYTES = 1 << 20;

  private final Duration timeout;

  public CertFetcher(Duration timeout) {
    this.timeout = timeout;
  }

  /** {@code base/v1/cert.pem}, or {@code url} itself when it already names a .pem. */
  public static URI certUri(String url) {
    URI u;
    try {
      u = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new ValidatorException(ExitCodes.USAGE, "invalid URL \"" + url + "\"");
    }
    if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
      throw new ValidatorException(ExitCodes.USAGE, "invalid URL \"" + url + "\": expected http(s)://host[:port][/path]");
    }
    String s = u.toString();
    if (u.getPath() != null && u.getPath().endsWith(".pem")) {
      return u;
    }
    return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/v1/cert.pem");
  }

  /** The PEM text, checked to hold an RSA certificate. */
  public String fetch(String url) {
    URI uri = certUri(url);
    HttpClient client =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest req =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/x-pem-file, */*").GET().build();
    HttpResponse<byte[]> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot fetch " + uri + ": timed out after " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw new ValidatorException(
          ExitCodes.USAGE, "cannot fetch " + uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + " (is the controller reachable? try: kubectl -n kube-system port-forward svc/sealed-secrets-controller 8080)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ValidatorException(ExitCodes.USAGE, "cannot fetch " + uri + ": interrupted");
    }
    if (resp.statusCode() != 200) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot fetch " + uri + ": HTTP " + resp.statusCode());
    }
    byte[] body = resp.body();
    if (body.length > MAX_BYTES) {
      throw new ValidatorException(ExitCodes.USAGE, "cannot fetch " + uri + ": response larger than 1 MiB");
    }
    Certificates.SealingKey k = Certificates.parseSealingKey(body, uri.toString());
    if (k.certificate() == null) {
      throw new ValidatorException(ExitCodes.USAGE, uri + ": the response holds no certificate");
    }
    String text = new String(body, java.nio.charset.StandardCharsets.US_ASCII);
    return text.endsWith("\n") ? text : text + "\n";
  }
}
