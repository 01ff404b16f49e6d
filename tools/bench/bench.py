#!/usr/bin/env python3
"""Benchmark: the validator against the peer pipeline (kustomize build | kubeconform -strict).

Prints a table of wall time, resources/second, peak RSS and the ratio ours/peer for render only,
schema only and the whole validate, cold (a new process per run) and warm (in-process, repeated,
our side only: the Go tools have no warm mode). Run via tools/bench/bench.sh, which installs the
pinned peers and builds the jar. --quick finishes in under a minute.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
JAR = os.path.join(ROOT, "validator.jar")
JSA = os.path.join(ROOT, "validator.jsa")
# the flags the pre-commit hook and the Argo CD plugin use: the parallel collector with an initial
# heap as large as the default maximum (a large stream does not stop while the heap grows), a young
# generation a typical run never fills (no collection pause), C1 only, and the class-data archive
# the build creates (skipped when it is missing)
JAVA = ["java", "-XX:+UseParallelGC", "-XX:InitialRAMPercentage=25", "-XX:NewSize=256m",
        "-XX:MaxTenuringThreshold=0", "-XX:TieredStopAtLevel=1"] + (
    ["-XX:SharedArchiveFile=" + JSA, "-Xshare:auto"] if os.path.exists(JSA) else [])


def run(cmd, stdin=None, stdout=subprocess.DEVNULL, cwd=None, env=None):
    """Runs one command; returns (seconds, peak RSS in MiB of that child, exit code, stderr)."""
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as inp, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdin=inp, stdout=stdout, stderr=err, cwd=cwd, env=env)
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN is the maximum over every child so far)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return elapsed, usage.ru_maxrss / 1024.0, p.returncode, text


def timed(cmd, runs, **kw):
    times, rss = [], 0.0
    for _ in range(runs):
        t, r, code, err = run(cmd, **kw)
        if code not in (0, 1):
            sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err.strip()[:400]}")
        times.append(t)
        rss = max(rss, r)
    return statistics.median(times), rss


def interleaved(sides, rounds):
    """Runs the sides one after the other, round after round, so that a change in the machine's load
    weighs on every side alike. A side is (label, [command, ...], env); its time in a round is the sum
    of its commands' (a pipeline run step by step). Returns {label: (median seconds, peak RSS MiB)}."""
    times = {label: [] for label, _, _ in sides}
    rss = {label: 0.0 for label, _, _ in sides}
    for _ in range(rounds):
        for label, cmds, env in sides:
            total = 0.0
            for cmd in cmds:
                t, r, code, err = run(cmd, env=env)
                if code not in (0, 1):
                    sys.exit(f"bench: {' '.join(cmd)} failed ({code}): {err.strip()[:400]}")
                total += t
                rss[label] = max(rss[label], r)
            times[label].append(total)
    return {label: (statistics.median(times[label]), rss[label]) for label in times}


def warm(mode, path, iterations):
    """Our in-process figure: the hidden `bench` command repeats the stage in one JVM."""
    out = subprocess.run(JAVA + ["-jar", JAR, "bench", "--mode", mode, "--iterations", str(iterations),
                                 "--warmup", str(max(2, iterations // 2)), path],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"bench: warm {mode} failed: {out.stderr.strip()[:400]}")
    return json.loads(out.stdout)


def count_resources(stream_file):
    n = 0
    with open(stream_file, encoding="utf-8") as f:
        for line in f:
            if line.startswith("kind:"):
                n += 1
    return n


class Table:
    def __init__(self):
        self.rows = []

    def add(self, scenario, stage, side, seconds, resources, rss, peer_seconds=None):
        ratio = f"{seconds / peer_seconds:.2f}" if peer_seconds else ""
        rps = f"{resources / seconds:,.0f}" if seconds > 0 else ""
        rss_text = f"{rss:.0f}" if rss else ""
        self.rows.append((scenario, stage, side, f"{seconds * 1000:,.0f}", rps, rss_text, ratio))

    def print(self):
        head = ("scenario", "stage", "side", "wall ms", "res/s", "peak RSS MiB", "ours/peer")
        widths = [max(len(str(r[i])) for r in self.rows + [head]) for i in range(len(head))]
        fmt = "  ".join("{:<%d}" % w for w in widths)
        print(fmt.format(*head))
        print(fmt.format(*("-" * w for w in widths)))
        for r in self.rows:
            print(fmt.format(*r))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small inputs, few runs (< 1 minute)")
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--kubernetes-version", default="1.33")
    a = ap.parse_args()
    runs = a.runs or (1 if a.quick else 3)
    services = 10 if a.quick else 50
    count = 5000 if a.quick else 50000
    kustomize = shutil.which("kustomize")
    kubeconform = shutil.which("kubeconform")
    if not kustomize or not kubeconform:
        sys.exit("bench: kustomize and kubeconform must be on PATH (tools/bench/bench.sh installs them)")
    work = tempfile.mkdtemp(prefix="validator-bench-")
    try:
        gen = [sys.executable, os.path.join(HERE, "gen.py")]
        subprocess.run(gen + ["tree", os.path.join(work, "tree"), "--services", str(services)], check=True)
        stream = os.path.join(work, "stream.yaml")
        subprocess.run(gen + ["stream", stream, "--count", str(count)], check=True)
        # the on-disk cache (compiled admission policies) lives in the work directory: the first
        # cold run fills it, as a developer's first commit does
        cache = os.path.join(work, "cache")
        schemas = os.path.join(work, "schemas")
        subprocess.run(JAVA + ["-jar", JAR, "schema-export", "--kubernetes-version", a.kubernetes_version,
                               "--out", schemas], check=True, stdout=subprocess.DEVNULL)
        loc = os.path.join(schemas, "{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}",
                           "{{ .ResourceKind }}{{ .KindSuffix }}.json")
        kc = [kubeconform, "-strict", "-summary", "-schema-location", loc,
              "-kubernetes-version", a.kubernetes_version + ".0", "-n", str(os.cpu_count() or 2)]
        table = Table()
        scenarios = [("repo overlays", [os.path.join(ROOT, "overlays", e) for e in ("dev", "minikube", "prod")]),
                     (f"tree {services}x3", [os.path.join(work, "tree", "overlays", e) for e in ("dev", "staging", "prod")])]
        for name, dirs in scenarios:
            dirs = [d for d in dirs if os.path.isdir(d)]
            if not dirs:
                continue
            rendered = []
            k_time = 0.0
            k_rss = 0.0
            # the small repo overlays are cheap: more runs there make the cold ratios less noisy
            n_runs = max(runs, 5) if name == "repo overlays" else runs
            for d in dirs:
                out = os.path.join(work, os.path.basename(d) + "-" + str(len(rendered)) + ".yaml")
                t, r = timed([kustomize, "build", d], n_runs)
                with open(out, "wb") as f:
                    subprocess.run([kustomize, "build", d], stdout=f, check=True)
                k_time += t
                k_rss = max(k_rss, r)
                rendered.append(out)
            n = sum(count_resources(f) for f in rendered)
            table.add(name, "render", "kustomize build (cold)", k_time, n, k_rss)
            o_time, o_rss = 0.0, 0.0
            for d in dirs:
                t, r = timed(JAVA + ["-jar", JAR, "render", d], n_runs)
                o_time += t
                o_rss = max(o_rss, r)
            table.add(name, "render", "validator (cold)", o_time, n, o_rss, k_time)
            w = sum(warm("render", d, 3 if a.quick else 10)["medianMillis"] for d in dirs) / 1000.0
            table.add(name, "render", "validator (warm)", w, n, 0, k_time)
            # the peer pipeline: kustomize build per overlay, then one kubeconform over the rendered
            # output; against the whole validate, interleaved round by round
            validate = JAVA + ["-jar", JAR, "validate", "-q"] + dirs
            peer = [[kustomize, "build", d] for d in dirs] + [kc + rendered]
            res = interleaved([("peer", peer, None),
                               ("ours", [validate], dict(os.environ, VALIDATOR_CACHE_DIR=cache)),
                               # a first run ever: no compiled admission policies on disk from an earlier run
                               ("no cache", [validate], dict(os.environ, VALIDATOR_CACHE_DIR="off"))],
                              max(n_runs, 11) if name == "repo overlays" else n_runs)
            peer_t = res["peer"][0]
            table.add(name, "render+schema", "kustomize | kubeconform", peer_t, n, res["peer"][1])
            table.add(name, "validate (all)", "validator (cold)", res["ours"][0], n, res["ours"][1], peer_t)
            table.add(name, "validate (all)", "validator (cold, no cache)", res["no cache"][0], n,
                      res["no cache"][1], peer_t)
        # flat stream: schema stage only
        n = count
        t, r = timed(kc + [stream], runs)
        table.add(f"stream {count}", "schema", "kubeconform -strict", t, n, r)
        t2, r2 = timed(JAVA + ["-jar", JAR, "bench", "--mode", "schema", "--iterations", "0", "--warmup", "0", stream], runs)
        table.add(f"stream {count}", "schema", "validator (cold)", t2, n, r2, t)
        w = warm("schema", stream, 2 if a.quick else 5)["medianMillis"] / 1000.0
        table.add(f"stream {count}", "schema", "validator (warm)", w, n, 0, t)
        print(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().machine}; load average"
              f" {os.getloadavg()[0]:.1f}; cold figures are medians of {max(runs, 5)} runs (repo overlays)"
              f" and {runs} (the rest); the render+schema and validate rows run interleaved, round by round"
              f" ({max(runs, 11)} rounds for the repo overlays)")
        table.print()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
