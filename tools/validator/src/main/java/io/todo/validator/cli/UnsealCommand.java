package io.todo.validator.cli;

import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Resource;
import io.todo.validator.seal.Certificates;
import io.todo.validator.seal.SealedSecretWriter;
import io.todo.validator.seal.SealedSecretWriter.Format;
import io.todo.validator.seal.Unsealer;
import java.io.PrintWriter;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator unseal}: disaster recovery, like {@code kubeseal --recovery-unseal}. */
@Command(
    name = "unseal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Decrypt SealedSecrets with the controller's private key(s) (disaster recovery).",
      "Like kubeseal --recovery-unseal --recovery-private-key. Without -o/-w only key names and OK/FAIL",
      "are printed: the Secret (with its values) is written only when asked for.",
      "",
      "  validator unseal --private-key backup.yaml -f overlays/prod/db-sealed.yaml",
      "  validator unseal --private-key k1.pem --private-key k2.pem -f s.yaml -w /secure/secret.yaml"
    })
public final class UnsealCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"--private-key", "--recovery-private-key"}, paramLabel = "FILE", required = true, split = ",",
      description = "PEM RSA private key (PKCS#1 or PKCS#8), or a backup of the controller's key Secret(s) in YAML/JSON. Repeatable.")
  List<String> privateKeys = new ArrayList<>();

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The SealedSecret(s) (default: standard input).")
  String file;

  @Option(names = {"-o", "--format"}, paramLabel = "yaml|json", description = "Write the decrypted Secret to standard output in this format.")
  String format;

  @Option(names = {"-w", "--output-file"}, paramLabel = "FILE", description = "Write the decrypted Secret to FILE (atomically).")
  String outputFile;

  @Override
  public Integer call() {
    Format fmt = null;
    if (format != null && (fmt = Format.parse(format)) == null) {
      throw SealIo.usage("unsupported output format \"" + format + "\" (expected yaml or json)");
    }
    boolean write = fmt != null || outputFile != null;
    if (fmt == null) {
      fmt = outputFile != null && outputFile.endsWith(".json") ? Format.JSON : Format.YAML;
    }
    List<RSAPrivateKey> keys = new ArrayList<>();
    for (String k : privateKeys) {
      keys.addAll(Certificates.readPrivateKeys(parent.cwd().resolve(k), k));
    }
    List<Resource> docs = io().resources(file);
    if (docs.isEmpty()) {
      throw SealIo.usage(SealIo.shown(file) + ": no SealedSecret in input");
    }
    if (write && fmt == Format.JSON && docs.size() > 1) {
      throw SealIo.usage("several SealedSecrets in input: use -o yaml for a stream");
    }
    Unsealer unsealer = new Unsealer();
    // status lines go to stderr when the Secret itself goes to stdout
    PrintWriter status = write && outputFile == null ? spec.commandLine().getErr() : spec.commandLine().getOut();
    StringBuilder secrets = new StringBuilder();
    boolean allOk = true;
    for (Resource r : docs) {
      Unsealer.Result res = unsealer.unseal(r, keys);
      res.outcomes().forEach((k, o) -> status.println(r.ref() + ": " + k + ": " + (o.ok() ? "OK" : "FAIL: " + o.error())));
      if (res.outcomes().isEmpty()) {
        status.println(r.ref() + ": no encryptedData");
      }
      allOk &= res.ok();
      secrets.append(SealedSecretWriter.writeSecret(res.secret(), fmt));
    }
    status.flush();
    if (!allOk) {
      spec.commandLine().getErr().println("error: some values do not decrypt" + (write ? ": nothing written" : ""));
      spec.commandLine().getErr().flush();
      return ExitCodes.FINDINGS;
    }
    if (write) {
      io().emit(secrets.toString(), outputFile, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  private SealIo io() {
    return new SealIo(parent.cwd(), parent.stdin);
  }
}
