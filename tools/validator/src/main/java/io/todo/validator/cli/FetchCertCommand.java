package io.todo.validator.cli;

import io.todo.validator.seal.CertFetcher;
import io.todo.validator.seal.Certificates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator fetch-cert URL}: the controller's public certificate, like kubeseal --fetch-cert. */
@Command(
    name = "fetch-cert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Fetch the Sealed Secrets controller's public certificate (like kubeseal --fetch-cert).",
      "GETs URL/v1/cert.pem (or URL itself when it ends in .pem); -w writes it, e.g. as an overlay's sealingCert.",
      "",
      "  kubectl -n kube-system port-forward svc/sealed-secrets-controller 8080 &",
      "  validator fetch-cert http://127.0.0.1:8080 -w overlays/prod/sealed-secrets.pem"
    })
public final class FetchCertCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "URL", description = "The controller's base URL, or the full URL of the .pem.")
  String url;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = {"-w", "--output-file"}, paramLabel = "FILE", description = "Write the certificate to FILE (atomically) instead of standard output.")
  String outputFile;

  @Override
  public Integer call() {
    if (!(timeoutSeconds > 0) || timeoutSeconds > 3600) {
      throw SealIo.usage("--timeout must be between 0 and 3600 seconds");
    }
    String pem = new CertFetcher(Duration.ofMillis((long) (timeoutSeconds * 1000))).fetch(url);
    Certificates.SealingKey k = Certificates.parseSealingKey(pem.getBytes(StandardCharsets.US_ASCII), url);
    for (String w : Certificates.validityWarnings(k.certificate(), Instant.now())) {
      spec.commandLine().getErr().println(url + ": warning: " + w);
    }
    spec.commandLine().getErr().flush();
    io().emit(pem, outputFile, spec.commandLine().getOut());
    return 0;
  }

  private SealIo io() {
    return new SealIo(parent.cwd(), parent.stdin);
  }
}
