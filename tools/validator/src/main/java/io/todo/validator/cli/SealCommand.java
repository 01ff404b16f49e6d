package io.todo.validator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.Location;
import io.todo.validator.model.Resource;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.seal.Certificates;
import io.todo.validator.seal.Overlays;
import io.todo.validator.seal.Scope;
import io.todo.validator.seal.SealedSecretWriter;
import io.todo.validator.seal.SealedSecretWriter.Format;
import io.todo.validator.seal.Sealer;
import io.todo.validator.seal.Unsealer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validator seal}: a Secret in, a SealedSecret out, compatible with kubeseal. */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Seal a Secret into a SealedSecret, exactly as kubeseal --cert does.",
      "Reads YAML or JSON (-f FILE or standard input); needs no cluster and no Go binary.",
      "",
      "  validator seal --overlay prod -f secret.yaml -w overlays/prod/db-sealed.yaml",
      "  echo -n s3cret | validator seal --raw --cert cert.pem --namespace app --name db"
    })
public final class SealCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The Secret to seal (default: standard input).")
  String file;

  @Option(names = {"-w", "--output-file"}, paramLabel = "FILE", description = "Write the SealedSecret to FILE (atomically) instead of standard output.")
  String outputFile;

  @Option(names = "--cert", paramLabel = "FILE", description = "The controller's PEM certificate (or public key). Default: $SEALED_SECRETS_CERT.")
  String cert;

  @Option(names = "--overlay", paramLabel = "NAME", description = "Use the sealingCert of this overlay from validator.yaml, and its namespace when the Secret has none.")
  String overlay;

  @Option(names = "--config", paramLabel = "FILE", description = "validator.yaml to read --overlay from (default: found from the working directory up).")
  String config;

  @Option(names = "--scope", paramLabel = "SCOPE", description = "strict, namespace-wide or cluster-wide (default: from the Secret's annotations, else strict).")
  String scope;

  @Option(names = "--name", paramLabel = "NAME", description = "Name of the sealed secret (overrides metadata.name; required with --raw and strict scope).")
  String name;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (overrides metadata.namespace; required with --raw unless cluster-wide).")
  String namespace;

  @Option(names = "--raw", description = "Seal one value (standard input or --from-file) and print its ciphertext only.")
  boolean raw;

  @Option(names = "--from-file", paramLabel = "[KEY=]FILE", description = "With --raw: read the value from FILE.")
  String fromFile;

  @Option(names = "--merge-into", paramLabel = "FILE", description = "Add or replace the Secret's keys in this existing SealedSecret file, in place.")
  String mergeInto;

  @Option(names = "--allow-empty-data", description = "Seal a Secret without data.")
  boolean allowEmptyData;

  @Option(names = {"-o", "--format"}, paramLabel = "yaml|json", description = "Output format (default: yaml; with --merge-into: the file's).")
  String format;

  @Override
  public Integer call() {
    Format fmt = null;
    if (format != null) {
      fmt = Format.parse(format);
      if (fmt == null) {
        throw SealIo.usage("unsupported output format \"" + format + "\" (expected yaml or json)");
      }
    }
    Scope sc = null;
    if (scope != null) {
      sc = Scope.parse(scope);
      if (sc == null) {
        throw SealIo.usage("--scope must be one of: strict, namespace-wide, cluster-wide");
      }
    }
    if (raw && mergeInto != null) {
      throw SealIo.usage("--raw and --merge-into cannot be combined");
    }
    if (!raw && fromFile != null) {
      throw SealIo.usage("--from-file works only with --raw");
    }
    if (mergeInto != null && outputFile != null) {
      throw SealIo.usage("--merge-into updates its file in place: -w cannot be combined with it");
    }
    String defaultNamespace = null;
    Path certPath = null;
    if (overlay != null) {
      RepoConfig config =
          this.config != null
              ? RepoConfig.read(parent.cwd().resolve(this.config), this.config)
              : RepoConfig.find(parent.cwd()).orElseThrow(() -> SealIo.usage("--overlay needs a validator.yaml in this directory or above"));
      RepoConfig.OverlayConfig o = Overlays.find(config, overlay);
      defaultNamespace = Overlays.namespace(config.root().resolve(o.path())).orElse(null);
      if (cert == null) {
        certPath = Overlays.certificate(config, o)
            .orElseThrow(() -> SealIo.usage("overlay " + overlay + " has no sealingCert in validator.yaml"));
      }
    }
    if (certPath == null) {
      String c = cert != null ? cert : System.getenv("SEALED_SECRETS_CERT");
      if (c == null || c.isEmpty()) {
        throw SealIo.usage("no certificate: use --cert FILE or --overlay NAME (fetch one with: validator fetch-cert URL)");
      }
      certPath = Path.of(c);
    }
    Certificates.SealingKey key = Certificates.readSealingKey(parent.cwd().resolve(certPath), certPath.toString());
    checkValidity(key);
    Sealer sealer = new Sealer();
    if (raw) {
      return sealRaw(sealer, key, sc == null ? Scope.STRICT : sc, defaultNamespace);
    }
    if (mergeInto != null) {
      return merge(sealer, key, sc, defaultNamespace, fmt);
    }
    Resource secret = io().single(file);
    Sealer.Plain plain = Sealer.prepare(secret, new Sealer.Options(sc, name, namespace, defaultNamespace, allowEmptyData));
    ObjectNode sealed = sealer.seal(plain, key);
    io().emit(SealedSecretWriter.write(sealed, fmt == null ? Format.YAML : fmt), outputFile, spec.commandLine().getOut());
    return 0;
  }

  private void checkValidity(Certificates.SealingKey key) {
    Instant now = Instant.now();
    if (Certificates.isExpired(key.certificate(), now)) {
      // kubeseal refuses too: the controller has most likely renewed its key since
      throw ValidatorException.input(
          Location.of(key.shown()),
          "failed to encrypt using an expired certificate (expired " + key.certificate().getNotAfter().toInstant()
              + "): fetch the current one (validator fetch-cert)");
    }
    for (String w : Certificates.validityWarnings(key.certificate(), now)) {
      spec.commandLine().getErr().println(key.shown() + ": warning: " + w);
    }
    spec.commandLine().getErr().flush();
  }

  private int sealRaw(Sealer sealer, Certificates.SealingKey key, Scope sc, String defaultNamespace) {
    String ns = namespace != null ? namespace : defaultNamespace;
    if (sc == Scope.STRICT && (name == null || name.isEmpty())) {
      throw SealIo.usage("must provide the --name flag with --raw and --scope strict");
    }
    if (sc != Scope.CLUSTER_WIDE && (ns == null || ns.isEmpty())) {
      throw SealIo.usage("must provide the --namespace flag (or --overlay) with --raw and --scope " + sc);
    }
    byte[] value;
    if (fromFile != null) {
      int eq = fromFile.indexOf('=');
      value = io().readBytes(eq < 0 ? fromFile : fromFile.substring(eq + 1));
    } else {
      value = io().readBytes(file);
    }
    String out = sealer.sealRaw(value, key, sc, ns, name);
    io().emit(out, outputFile, spec.commandLine().getOut());
    return 0;
  }

  private int merge(Sealer sealer, Certificates.SealingKey key, Scope sc, String defaultNamespace, Format fmt) {
    Path target = io().path(mergeInto);
    String text = new String(io().readBytes(mergeInto), StandardCharsets.UTF_8);
    Resource orig = io().single(mergeInto);
    Unsealer.encryptedData(orig); // checks its shape
    Scope origScope = Scope.fromAnnotations(orig.object().path("metadata").get("annotations"));
    if (sc != null && sc != origScope) {
      throw ValidatorException.input(
          orig.origin(), "--scope " + sc + " differs from the scope of " + mergeInto + " (" + origScope + "): values of one SealedSecret share one scope");
    }
    if (orig.name() == null) {
      throw ValidatorException.input(orig.origin(), "the SealedSecret has no metadata.name");
    }
    Resource secret = io().single(file);
    // as kubeseal: the existing SealedSecret's name and namespace win; its scope too (kubeseal would
    // silently seal strict values into a cluster-wide SealedSecret, which then never decrypt)
    Sealer.Plain plain =
        Sealer.prepare(secret, new Sealer.Options(origScope, orig.name(), orig.namespace(), defaultNamespace, allowEmptyData));
    ObjectNode update = sealer.seal(plain, key);
    ObjectNode merged = orig.object().deepCopy();
    ObjectNode specNode = object(orig, merged, "spec", "/spec");
    ObjectNode enc = object(orig, specNode, "encryptedData", "/spec/encryptedData");
    update.path("spec").path("encryptedData").fields().forEachRemaining(e -> enc.set(e.getKey(), e.getValue()));
    ObjectNode template = object(orig, specNode, "template", "/spec/template");
    ObjectNode tmeta = object(orig, template, "metadata", "/spec/template/metadata");
    for (String f : List.of("annotations", "labels")) {
      JsonNode add = update.path("spec").path("template").path("metadata").get(f);
      if (add != null && add.isObject() && !add.isEmpty()) {
        ObjectNode into = object(orig, tmeta, f, "/spec/template/metadata/" + f);
        add.fields().forEachRemaining(e -> into.set(e.getKey(), e.getValue()));
      }
    }
    Format out = fmt != null ? fmt : Format.sniff(text);
    io.todo.validator.seal.AtomicFiles.write(target, SealedSecretWriter.write(merged, out));
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = update.path("spec").path("encryptedData").fields(); it.hasNext(); ) {
      keys.add(it.next().getKey());
    }
    spec.commandLine().getErr().println(mergeInto + ": merged keys " + keys);
    spec.commandLine().getErr().flush();
    return 0;
  }

  /** The mapping at parent.field, created when absent; anything else there is an input error. */
  private static ObjectNode object(Resource at, ObjectNode parent, String field, String ptr) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) {
      return o;
    }
    if (n == null || n.isNull()) {
      return parent.putObject(field);
    }
    throw ValidatorException.input(at.locate(ptr), ptr.substring(1).replace('/', '.') + " must be a mapping");
  }

  private SealIo io() {
    return new SealIo(parent.cwd(), parent.stdin);
  }
}
