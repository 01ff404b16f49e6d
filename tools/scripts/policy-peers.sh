#!/usr/bin/env bash
# Installs the policy peers the comparison (tools/scripts/compare-policies.py) runs, at pinned
# versions, into .tools/ (git-ignored). Idempotent.
#   checkov     3.3.30   from PyPI, into the virtual environment .tools/checkov
#   kube-score  v1.20.0  go install
#   polaris     v9.6.4   go install; its module is not served by the Go module proxy, so this
#                        normally fails and the comparison uses Polaris' documented checks
#   kube-linter          not installable (not served by the module proxy): documented checks only
# Usage: tools/scripts/policy-peers.sh [checkov|kube-score|polaris ...]
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.tools/bin"
mkdir -p "$bin"

CHECKOV_VERSION="3.3.30"
declare -A MODULE=(
  [kube-score]="github.com/zegl/kube-score/cmd/kube-score@v1.20.0"
  [polaris]="github.com/fairwindsops/polaris/v9@v9.6.4"
)

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(checkov kube-score polaris)
status=0

install_checkov() {
  local venv="$root/.tools/checkov"
  if [ -x "$bin/checkov" ] && [ "$(cat "$bin/.checkov.version" 2>/dev/null)" = "$CHECKOV_VERSION" ]; then
    return 0
  fi
  echo "policy-peers: pip install checkov==$CHECKOV_VERSION" >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q "checkov==$CHECKOV_VERSION" || return 1
  ln -sf "$venv/bin/checkov" "$bin/checkov"
  echo "$CHECKOV_VERSION" > "$bin/.checkov.version"
}

install_go() {
  local t="$1" mod="${MODULE[$1]}"
  if [ -x "$bin/$t" ] && [ "$(cat "$bin/.$t.version" 2>/dev/null)" = "$mod" ]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || { echo "policy-peers: go is not installed" >&2; return 1; }
  echo "policy-peers: go install $mod" >&2
  GOBIN="$bin" GOFLAGS=-mod=mod go install "$mod" || return 1
  echo "$mod" > "$bin/.$t.version"
}

for t in "${tools[@]}"; do
  case "$t" in
    checkov) install_checkov || { echo "policy-peers: checkov could not be installed" >&2; status=1; } ;;
    kube-score) install_go kube-score || { echo "policy-peers: kube-score could not be installed" >&2; status=1; } ;;
    polaris) install_go polaris || echo "policy-peers: polaris is not installable from the module proxy; the comparison uses its documented checks" >&2 ;;
    *) echo "policy-peers: unknown tool $t" >&2; exit 2 ;;
  esac
done
for t in checkov kube-score polaris; do
  [ -x "$bin/$t" ] && echo "$t: $bin/$t ($(cat "$bin/.$t.version"))"
done
exit $status
