#!/usr/bin/env bash
# The one command that runs every test: installs the pinned reference tools, runs the Maven build
# with all unit, golden and differential tests, then validates the repository's own overlays with
# the built jar. CI (.ci/run) calls exactly this.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="$(tools/scripts/install-peers.sh)"
export PATH="$bin:$PATH"
export VALIDATOR_PEERS_REQUIRED=1
# the SARIF 2.1.0 schema for ReportersTest (skipped without it; a registry hiccup must not fail CI)
tools/scripts/fetch-sarif-schema.sh >/dev/null || echo "test.sh: SARIF schema unavailable" >&2
# kyaml's built-in schema, against which RenderTableTest checks the renderer's merge keys
tools/scripts/kyaml-openapi.sh >/dev/null
mvn -B verify
# a short coverage-guided fuzz run of the parsers (10 s per fuzz test)
tools/scripts/fuzz.sh
# the renderer corpus must be exactly what the pinned kustomize prints today
tools/scripts/render-corpus.sh --check
tools/scripts/actionlint.sh
# the pre-commit hook with the real pre-commit (PyPI, pinned)
tools/scripts/test-pre-commit.sh
java -jar validator.jar --summary
# performance regression guard: prints the ratios against the peers, never fails on noise
tools/bench/bench.sh --quick || echo "bench: skipped (failed to run)"
