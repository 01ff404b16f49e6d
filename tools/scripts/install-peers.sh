#!/usr/bin/env bash
# Installs the pinned reference tools the differential tests compare against, by `go install`
# from the Go module proxy, into .tools/bin (git-ignored). Idempotent; prints where they are.
#   kustomize   v5.8.1  (the version Argo CD 3.3.1+ bundles)
#   kubeconform v0.7.0
#   kubeseal    v0.36.6
#   helm        v3.19.0 (for helmCharts cases: kustomize build --enable-helm --helm-command .tools/bin/helm)
# Usage: tools/scripts/install-peers.sh [kustomize|kubeconform|kubeseal|helm ...]
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
[ ${#tools[@]} -eq 0 ] && tools=(kustomize kubeconform kubeseal helm)

if ! command -v go >/dev/null 2>&1; then
  echo "install-peers: go is not installed; reference tools unavailable" >&2
  exit 1
fi

for t in "${tools[@]}"; do
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
