package io.todo.validator.cli;

import io.todo.validator.config.RepoConfig;
import io.todo.validator.model.ExitCodes;
import io.todo.validator.model.Severity;
import io.todo.validator.model.ValidatorException;
import io.todo.validator.policy.Catalogue;
import io.todo.validator.policy.PolicyConfig;
import io.todo.validator.policy.Rule;
import io.todo.validator.policy.RuleInfo;
import io.todo.validator.policy.Waivers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code validator policies list|explain ID}: the rule catalogue with the severities the
 * repository's policies/policies.yaml gives each environment.
 */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "List the organisation's policy rules or explain one.",
    subcommands = {PoliciesCommand.ListCommand.class, PoliciesCommand.ExplainCommand.class})
public final class PoliciesCommand implements Callable<Integer> {
  @ParentCommand ValidatorCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** The repository's configuration (defaults outside a repository) and its environments. */
  record Settings(PolicyConfig config, List<String> environments) {}

  Settings settings() {
    Optional<RepoConfig> repo = RepoConfig.find(parent.cwd());
    Set<String> envs = new LinkedHashSet<>();
    PolicyConfig config = PolicyConfig.defaults();
    if (repo.isPresent()) {
      repo.get().overlays().forEach(o -> envs.add(o.environment()));
      Path dir = repo.get().policiesDir();
      Path cwd = parent.cwd().toAbsolutePath().normalize();
      String shown = dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString();
      config = PolicyConfig.load(dir, shown.isEmpty() ? "." : shown);
    }
    if (envs.isEmpty()) {
      envs.addAll(List.of("dev", "minikube", "prod"));
    }
    return new Settings(config, List.copyOf(envs));
  }

  static String label(Severity s) {
    return s == null ? "off" : s.label();
  }

  /** {@code validator policies list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "Every rule with its severity per environment.")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand PoliciesCommand policies;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Settings s = policies.settings();
      PrintWriter out = spec.commandLine().getOut();
      StringBuilder head = new StringBuilder(String.format("%-9s", "ID"));
      s.environments().forEach(e -> head.append(String.format(" %-8s", e.toUpperCase(java.util.Locale.ROOT))));
      out.println(head.append(" TITLE").toString().stripTrailing());
      for (Rule r : Catalogue.builtin().rules()) {
        StringBuilder line = new StringBuilder(String.format("%-9s", r.info().id()));
        for (String e : s.environments()) {
          line.append(String.format(" %-8s", label(s.config().severity(r.info(), e))));
        }
        out.println(line.append(' ').append(r.info().title()));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code validator policies explain ID}. */
  @Command(name = "explain", mixinStandardHelpOptions = true, description = "Why a rule exists, how to fix and waive it, and its peers.")
  static final class ExplainCommand implements Callable<Integer> {
    @ParentCommand PoliciesCommand policies;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A rule id, e.g. SEC-001.")
    String id;

    @Override
    public Integer call() {
      Rule rule = Catalogue.builtin().find(id).orElseThrow(() -> new ValidatorException(ExitCodes.USAGE,
          "unknown rule \"" + id + "\" (see: validator policies list)"));
      RuleInfo info = rule.info();
      Settings s = policies.settings();
      PrintWriter out = spec.commandLine().getOut();
      out.println(info.id() + ": " + info.title());
      List<String> sev = new ArrayList<>();
      s.environments().forEach(e -> sev.add(e + " " + label(s.config().severity(info, e))));
      out.println();
      out.println("Severity:  " + String.join(", ", sev));
      out.println("Why:       " + info.rationale());
      out.println("Fix:       " + info.fix());
      out.println("Waive:     an entry in policies/waivers.yaml (rule, target, reason, owner, expires), or the annotation");
      out.println("           " + Waivers.ANNOTATION + info.id() + ": \"reason=...; owner=...; expires=YYYY-MM-DD\"");
      out.println("Peers:");
      for (String tool : RuleInfo.PEER_TOOLS) {
        out.println(String.format("  %-12s %s", tool, info.peers().getOrDefault(tool, "(none)")));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
