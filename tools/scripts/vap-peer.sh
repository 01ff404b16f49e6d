#!/usr/bin/env bash
# Builds the ValidatingAdmissionPolicy reference (tools/scripts/vap-peer: Kubernetes' own admission
# plugin, k8s.io/apiserver v0.36.6, run over fake clients) into .tools/bin/vap-peer (git-ignored),
# from the Go module proxy. AdmissionPeerDiffTest compares the validator's admission stage with it.
# Idempotent: rebuilds only when the sources changed. Prints the binary's path.
#   tools/scripts/vap-peer.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
src="$root/tools/scripts/vap-peer"
bin="$root/.tools/bin"
mkdir -p "$bin"
if ! command -v go >/dev/null 2>&1; then
  echo "vap-peer: go is not installed; the admission reference is unavailable" >&2
  exit 1
fi
stamp="$(cat "$src/main.go" "$src/go.mod" "$src/go.sum" | sha256sum | cut -c1-16)"
if [ -x "$bin/vap-peer" ] && [ "$(cat "$bin/.vap-peer.version" 2>/dev/null)" = "$stamp" ]; then
  echo "$bin/vap-peer"
  exit 0
fi
echo "vap-peer: go build (k8s.io/apiserver v0.36.6)" >&2
(cd "$src" && GOFLAGS=-mod=mod go build -o "$bin/vap-peer.tmp" .)
mv "$bin/vap-peer.tmp" "$bin/vap-peer"
echo "$stamp" > "$bin/.vap-peer.version"
echo "$bin/vap-peer"
