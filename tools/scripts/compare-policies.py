#!/usr/bin/env python3
"""Runs the policy peers and the validator on the same corpus of bad manifests and prints, per
manifest, which checks fire in each tool.

The corpus is every fail-*.yaml of the policy rule corpus (tools/validator/src/test/resources/
policy-cases). Peers come from tools/scripts/policy-peers.sh (.tools/bin): kube-score and Checkov
are run; Polaris and kube-linter cannot be installed from the registries this project uses, so
their checks are compared through the documented equivalents in `validator policies explain`.

For the workload-hardening checks (the EQUIVALENT table) the validator must be a superset: every
peer check that fires on a manifest must have an equivalent rule of ours firing on it too, unless
the check is listed in EXCEPTIONS with its reason. The script exits 1 on any other gap.

Usage: tools/scripts/compare-policies.py [--jar validator.jar] [--corpus DIR] [--environment prod]
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".tools", "bin")

# Peer check -> the rules of ours that cover it (any one firing on the manifest is enough).
EQUIVALENT = {
    # kube-score (ids as printed by `kube-score list`)
    ("kube-score", "container-security-context-privileged"): {"SEC-003"},
    ("kube-score", "container-security-context-readonlyrootfilesystem"): {"SEC-006"},
    ("kube-score", "container-security-context-user-group-id"): {"SEC-012"},
    ("kube-score", "container-seccomp-profile"): {"SEC-007"},
    ("kube-score", "pod-probes"): {"HLT-001", "HLT-002"},
    ("kube-score", "pod-probes-identical"): {"HLT-003"},
    ("kube-score", "container-image-tag"): {"IMG-001"},
    ("kube-score", "container-resources"): {"RES-001", "RES-002", "RES-003"},
    # kube-score asks every Deployment/StatefulSet for a PDB and anti-affinity; ours asks it of workloads that
    # may run 2 pods or more, and reports a single-replica one (in prod) as AVL-001 instead
    ("kube-score", "deployment-has-poddisruptionbudget"): {"AVL-002", "AVL-001"},
    ("kube-score", "statefulset-has-poddisruptionbudget"): {"AVL-002", "AVL-001"},
    ("kube-score", "deployment-has-host-podantiaffinity"): {"AVL-004", "AVL-001"},
    ("kube-score", "statefulset-has-host-podantiaffinity"): {"AVL-004", "AVL-001"},
    ("kube-score", "pod-networkpolicy"): {"NET-001"},
    ("kube-score", "deployment-pod-selector-labels-match-template-metadata-labels"): {"XRF-007"},
    ("kube-score", "statefulset-pod-selector-labels-match-template-metadata-labels"): {"XRF-007"},
    ("kube-score", "statefulset-has-servicename"): {"XRF-008"},
    ("kube-score", "ingress-targets-service"): {"XRF-006"},
    ("kube-score", "horizontalpodautoscaler-replicas"): {"AVL-001"},
    ("kube-score", "pod-topology-spread-constraints"): {"AVL-004"},
    ("kube-score", "networkpolicy-targets-pod"): {"NET-002", "XRF-005"},
    ("kube-score", "service-targets-pod"): {"XRF-001"},
    ("kube-score", "horizontalpodautoscaler-has-target"): {"XRF-002"},
    ("kube-score", "stable-version"): {"API-001", "API-002"},
    ("kube-score", "deployment-strategy"): {"AVL-003"},
    ("kube-score", "deployment-replicas"): {"AVL-001"},
    # Checkov (CKV_K8S_*)
    ("checkov", "CKV_K8S_8"): {"HLT-001"},
    ("checkov", "CKV_K8S_9"): {"HLT-002"},
    ("checkov", "CKV_K8S_10"): {"RES-001"},
    ("checkov", "CKV_K8S_12"): {"RES-002"},
    ("checkov", "CKV_K8S_13"): {"RES-003"},
    ("checkov", "CKV_K8S_14"): {"IMG-001"},
    ("checkov", "CKV_K8S_16"): {"SEC-003"},
    ("checkov", "CKV_K8S_17"): {"SEC-008"},
    ("checkov", "CKV_K8S_18"): {"SEC-008"},
    ("checkov", "CKV_K8S_19"): {"SEC-008"},
    ("checkov", "CKV_K8S_20"): {"SEC-002"},
    ("checkov", "CKV_K8S_22"): {"SEC-006"},
    ("checkov", "CKV_K8S_23"): {"SEC-001"},
    ("checkov", "CKV_K8S_25"): {"SEC-005"},
    ("checkov", "CKV_K8S_26"): {"SEC-010"},
    ("checkov", "CKV_K8S_27"): {"SEC-009"},
    ("checkov", "CKV_K8S_28"): {"SEC-004"},
    ("checkov", "CKV_K8S_29"): {"SEC-001", "SEC-002", "SEC-004", "SEC-006", "SEC-007"},
    ("checkov", "CKV_K8S_30"): {"SEC-001", "SEC-002", "SEC-004", "SEC-006", "SEC-007"},
    ("checkov", "CKV_K8S_31"): {"SEC-007"},
    ("checkov", "CKV_K8S_37"): {"SEC-004", "SEC-005"},
    ("checkov", "CKV_K8S_38"): {"SEC-011"},
    ("checkov", "CKV_K8S_39"): {"SEC-005"},
    ("checkov", "CKV_K8S_40"): {"SEC-012"},
    ("checkov", "CKV2_K8S_6"): {"NET-001"},
    ("checkov", "CKV_K8S_43"): {"IMG-002"},
}

# Peer checks we deliberately do not match, with the reason (docs/policies.md repeats them).
EXCEPTIONS = {
    ("kube-score", "container-image-pull-policy"):
        "requires imagePullPolicy: Always; we require an explicit policy from the environment's list "
        "(IfNotPresent for pinned tags and digests, and for Minikube's locally built images) - IMG-004",
    ("checkov", "CKV_K8S_15"):
        "same as kube-score container-image-pull-policy: Always is not required - IMG-004",
    ("kube-score", "container-ephemeral-storage-request-and-limit"):
        "ephemeral storage is not sized: SEC-006 makes the root filesystem read-only, so only emptyDir "
        "volumes can grow and their sizeLimit is the place to bound them",
    ("checkov", "CKV_K8S_11"):
        "CPU limits are deliberately not required: they throttle bursty Python/Node processes while the node "
        "has idle CPU; the CPU request (RES-001) is what the scheduler and the budget (RES-005) use",
    ("kube-score", "container-cpu-requests-equal-limits"): "optional kube-score check; same reason as CKV_K8S_11",
    ("checkov", "CKV_K8S_21"):
        "the default namespace: each overlay's kustomization sets namespace:, and Argo CD's destination "
        "namespace applies to objects without one, so a manifest without namespace is the norm here",
    ("checkov", "CKV_K8S_35"):
        "prefers Secret volumes over env secretKeyRef; the values come from SealedSecrets either way and the "
        "apps read 12-factor environment variables",
    ("kube-score", "label-values"): "label syntax is the schema stage's job (the API server rejects bad labels)",
    ("kube-score", "service-type"):
        "NodePort is a per-environment networking choice (Minikube has no load balancer), not a hardening issue",
    ("kube-score", "cronjob-has-deadline"): "startingDeadlineSeconds is a scheduling preference, not hardening",
    ("kube-score", "cronjob-restartpolicy"):
        "the API server rejects a Job template with restartPolicy Always: a sync error, not hardening",
    ("kube-score", "environment-variable-key-duplication"):
        "duplicate env keys are a correctness lint (the last one wins), not hardening",
    ("kube-score", "poddisruptionbudget-has-policy"): "a PDB without minAvailable/maxUnavailable is a schema question",
    ("kube-score", "container-ports-check"): "optional kube-score check; port references are XRF-005",
    ("kube-score", "deployment-targeted-by-hpa-does-not-have-replicas-configured"):
        "not covered: whether a static replicas fights the HPA depends on the Argo CD Application's ignoreDifferences, "
        "outside the rendered workload; AVL-001 and RES-005 count the HPA minimum instead",
}

LINE = re.compile(r"^(?P<loc>[^ ]+): (?P<sev>error|warning|info): \[(?P<rule>[A-Z]+(?:-[A-Za-z0-9-]+)?)\]")


def header(path, key):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("# " + key + ": "):
                return line.split(": ", 1)[1].strip()
    return None


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def ours(jar, manifest, env):
    """Rule ids that fire, validated outside any repository (built-in defaults)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(manifest, os.path.join(tmp, "manifest.yaml"))
        cmd = ["java", "-jar", jar, "validate", "manifest.yaml", "--environment", env]
        version = header(manifest, "kubernetesVersion")
        if version:
            cmd += ["--kubernetes-version", version]
        code, out, err = run(cmd, cwd=tmp)
        if code == 2 and version and "unsupported --kubernetes-version" in err:
            code, out, err = run(cmd[:-2], cwd=tmp)  # a corpus version older than the schemas: the newest
        if code not in (0, 1):
            return None, err.strip().splitlines()[-1:] if err else ["exit %d" % code]
        rules = set()
        for line in out.splitlines():
            m = LINE.match(line)
            if m and m.group("rule").startswith(("SEC", "RES", "HLT", "SCR", "IMG", "AVL", "XRF", "NET", "API", "ARGO")):
                rules.add(m.group("rule"))
        return rules, None


def kube_score(manifest):
    exe = os.path.join(BIN, "kube-score")
    if not os.access(exe, os.X_OK):
        return None
    code, out, err = run([exe, "score", "--output-format", "json", "--enable-optional-test", "container-seccomp-profile",
                          "--enable-optional-test", "container-cpu-requests-equal-limits", manifest])
    try:
        objects = json.loads(out)
    except json.JSONDecodeError:
        return "kube-score could not read the manifest: %s" % (err.strip().splitlines() or ["?"])[-1]
    fired = set()
    for obj in objects or []:
        for c in obj.get("checks") or []:
            if not c.get("skipped") and c.get("grade", 10) < 10:
                fired.add(c["check"]["id"])
    return fired


def checkov(manifest):
    exe = os.path.join(BIN, "checkov")
    if not os.access(exe, os.X_OK):
        return None
    code, out, err = run([exe, "-f", manifest, "--framework", "kubernetes", "-o", "json", "--quiet", "--compact",
                          "--skip-download"])
    try:
        data = json.loads(out) if out.strip() else {}
    except json.JSONDecodeError:
        return "checkov printed no JSON"
    reports = data if isinstance(data, list) else [data]
    fired = set()
    for r in reports:
        for f in (r.get("results") or {}).get("failed_checks") or []:
            fired.add(f["check_id"])
    return fired


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jar", default=os.path.join(ROOT, "validator.jar"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "tools/validator/src/test/resources/policy-cases"))
    ap.add_argument("--environment", default="prod", help="policy environment for our run (default: prod, the strictest)")
    args = ap.parse_args()
    if not os.path.isfile(args.jar):
        print("compare-policies: %s not found (mvn -B -q package -DskipTests)" % args.jar, file=sys.stderr)
        return 2
    manifests = []
    for d in sorted(os.listdir(args.corpus)):
        full = os.path.join(args.corpus, d)
        if os.path.isdir(full) and not d.startswith("_"):
            manifests += [os.path.join(full, f) for f in sorted(os.listdir(full)) if f.startswith("fail-") and f.endswith(".yaml")]
    installed = {"kube-score": os.access(os.path.join(BIN, "kube-score"), os.X_OK),
                 "checkov": os.access(os.path.join(BIN, "checkov"), os.X_OK)}
    for tool, ok in installed.items():
        if not ok:
            print("note: %s is not installed (tools/scripts/policy-peers.sh); its column is empty" % tool)
    print("note: polaris and kube-linter cannot be installed here; see `validator policies explain ID` for their equivalents\n")
    gaps = []
    unclassified = set()
    excepted = set()
    for m in manifests:
        name = os.path.relpath(m, args.corpus)
        mine, error = ours(args.jar, m, args.environment)
        peers = {"kube-score": kube_score(m), "checkov": checkov(m)}
        print(name)
        print("  ours:       " + (", ".join(sorted(mine)) if mine is not None else "FAILED: " + " ".join(error)))
        for tool, fired in peers.items():
            if isinstance(fired, str):
                print("  %-11s (%s)" % (tool + ":", fired))
            elif fired is not None:
                print("  %-11s " % (tool + ":") + (", ".join(sorted(fired)) or "-"))
                for check in sorted(fired):
                    key = (tool, check)
                    if key in EXCEPTIONS:
                        excepted.add(key)
                    elif key not in EQUIVALENT:
                        unclassified.add(key)
                    elif mine is not None and not (EQUIVALENT[key] & mine):
                        gaps.append((name, tool, check, EQUIVALENT[key]))
    print("\nexceptions that fired (peer checks we deliberately do not match):")
    for tool, check in sorted(excepted):
        print("  %s %s: %s" % (tool, check, EXCEPTIONS[(tool, check)]))
    if unclassified:
        print("\nUNCLASSIFIED peer checks (add them to EQUIVALENT or EXCEPTIONS):")
        for tool, check in sorted(unclassified):
            print("  %s %s" % (tool, check))
    if gaps:
        print("\nGAPS: peer checks that fired where none of our equivalent rules did:")
        for name, tool, check, rules in gaps:
            print("  %s: %s %s (ours: %s)" % (name, tool, check, ", ".join(sorted(rules))))
    if gaps or unclassified:
        return 1
    print("\nworkload hardening: ours is a superset of the peers on this corpus (exceptions above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
