#!/usr/bin/env bash
# Installs the reference tools the differential tests compare against into .tools/bin
# (git-ignored), from the Go module proxy. Idempotent; prints where they are.
# Pinned tools, by `go install`:
#   kustomize   v5.8.1  (the version Argo CD 3.3.1+ bundles)
#   kubeconform v0.7.0
#   kubeseal    v0.36.6
#   helm        v3.19.0 (for helmCharts cases: kustomize build --enable-helm --helm-command .tools/bin/helm)
# Programs of this repository, by `go build` of tools/scripts/<name> (versions pinned by its go.mod;
# rebuilt when its sources change):
#   cel-peer    Kubernetes' own admission CEL environment (k8s.io/apiserver); CelPeerDiffTest
#   vap-peer    Kubernetes' own ValidatingAdmissionPolicy plugin over fake clients; AdmissionPeerDiffTest
# Usage: tools/scripts/install-peers.sh [kustomize|kubeconform|kubeseal|helm|cel-peer|vap-peer ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"

declare -A MODULE=(
  [kustomize]="sigs.k8s.io/kustomize/kustomize/v5@v5.8.1"
  [kubeconform]="github.com/yannh/kubeconform/cmd/kubeconform@v0.7.0"
  [kubeseal]="github.com/bitnami-labs/sealed-secrets/cmd/kubeseal@v0.36.6"
  [helm]="helm.sh/helm/v3/cmd/helm@v3.19.0"
)

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(kustomize kubeconform kubeseal helm cel-peer vap-peer)

if ! command -v go >/dev/null 2>&1; then
  echo "install-peers: go is not installed; reference tools unavailable" >&2
  exit 1
fi

for t in "${tools[@]}"; do
  src="$root/tools/scripts/$t"
  if [ -z "${MODULE[$t]:-}" ] && [ -f "$src/go.mod" ]; then
    stamp="$(cat "$src"/*.go "$src/go.mod" "$src/go.sum" | sha256sum | cut -c1-16)"
    if [ ! -x "$bin/$t" ] || [ "$(cat "$bin/.$t.version" 2>/dev/null)" != "$stamp" ]; then
      echo "install-peers: go build $t" >&2
      (cd "$src" && GOFLAGS=-mod=mod go build -o "$bin/$t.tmp" .)
      mv "$bin/$t.tmp" "$bin/$t"
      echo "$stamp" > "$bin/.$t.version"
    fi
    continue
  fi
  mod="${MODULE[$t]:-}"
  [ -n "$mod" ] || { echo "install-peers: unknown tool $t" >&2; exit 2; }
  stamp="$bin/.$t.version"
  if [ -x "$bin/$t" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$mod" ]; then
    continue
  fi
  # reuse a binary another checkout already built for the same module version
  cached="${GOPATH:-$HOME/go}/bin/$t"
  if [ -x "$cached" ] && [ "$(cat "${GOPATH:-$HOME/go}/bin/.$t.version" 2>/dev/null)" = "$mod" ]; then
    cp "$cached" "$bin/$t"
  else
    echo "install-peers: go install $mod" >&2
    GOBIN="$bin" GOFLAGS=-mod=mod go install "$mod"
    mkdir -p "${GOPATH:-$HOME/go}/bin"
    cp "$bin/$t" "$cached" 2>/dev/null && echo "$mod" > "${GOPATH:-$HOME/go}/bin/.$t.version" || true
  fi
  echo "$mod" > "$stamp"
done
echo "$bin"
