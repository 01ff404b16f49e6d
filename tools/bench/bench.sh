#!/usr/bin/env bash
# Benchmark against the peer pipeline: installs the pinned peers, builds the jar, prints a table.
#   tools/bench/bench.sh [--quick] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="$(tools/scripts/install-peers.sh kustomize kubeconform)"
export PATH="$bin:$PATH"
[ -f validator.jar ] || mvn -B -q package -DskipTests
exec python3 tools/bench/bench.py "$@"
