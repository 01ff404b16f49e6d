#!/usr/bin/env bash
# Builds the Kubernetes reference programs of this repository (Go, from the Go module proxy, on
# k8s.io/apiserver v0.36.6 as their go.mod pins) into .tools/bin (git-ignored):
#   cel-peer  Kubernetes' own admission CEL environment; CelPeerDiffTest compares the evaluator with it
#   vap-peer  Kubernetes' own ValidatingAdmissionPolicy plugin over fake clients; AdmissionPeerDiffTest
#             compares the admission stage with it
# Idempotent: a program is rebuilt only when its sources changed. Prints where they are.
#   tools/scripts/k8s-peers.sh [cel-peer|vap-peer ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"
tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(cel-peer vap-peer)
if ! command -v go >/dev/null 2>&1; then
  echo "k8s-peers: go is not installed; the Kubernetes references are unavailable" >&2
  exit 1
fi
for t in "${tools[@]}"; do
  src="$root/tools/scripts/$t"
  [ -f "$src/go.mod" ] || { echo "k8s-peers: unknown program $t" >&2; exit 2; }
  stamp="$(cat "$src"/*.go "$src/go.mod" "$src/go.sum" | sha256sum | cut -c1-16)"
  if [ -x "$bin/$t" ] && [ "$(cat "$bin/.$t.version" 2>/dev/null)" = "$stamp" ]; then
    continue
  fi
  echo "k8s-peers: go build $t (k8s.io/apiserver v0.36.6)" >&2
  (cd "$src" && GOFLAGS=-mod=mod go build -o "$bin/$t.tmp" .)
  mv "$bin/$t.tmp" "$bin/$t"
  echo "$stamp" > "$bin/.$t.version"
done
echo "$bin"
