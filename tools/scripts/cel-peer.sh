#!/usr/bin/env bash
# Builds the CEL reference evaluator (tools/scripts/cel-peer: Kubernetes' own admission CEL
# environment, k8s.io/apiserver v0.36.6 with cel-go as its go.mod pins) into .tools/bin/cel-peer
# (git-ignored), from the Go module proxy. CelPeerDiffTest compares the validator's evaluator with it.
# Idempotent: rebuilds only when the sources changed. Prints the binary's path.
#   tools/scripts/cel-peer.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="$root/tools/scripts/cel-peer"
bin="$root/.tools/bin"
mkdir -p "$bin"
if ! command -v go >/dev/null 2>&1; then
  echo "cel-peer: go is not installed; the CEL reference is unavailable" >&2
  exit 1
fi
stamp="$(cat "$src/main.go" "$src/go.mod" "$src/go.sum" | sha256sum | cut -c1-16)"
if [ -x "$bin/cel-peer" ] && [ "$(cat "$bin/.cel-peer.version" 2>/dev/null)" = "$stamp" ]; then
  echo "$bin/cel-peer"
  exit 0
fi
echo "cel-peer: go build (k8s.io/apiserver v0.36.6)" >&2
(cd "$src" && GOFLAGS=-mod=mod go build -o "$bin/cel-peer.tmp" .)
mv "$bin/cel-peer.tmp" "$bin/cel-peer"
echo "$stamp" > "$bin/.cel-peer.version"
echo "$bin/cel-peer"
