#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint, installed by `go install` at a pinned version.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$root/.tools/bin"
mod="github.com/rhysd/actionlint/cmd/actionlint@v1.7.7"
mkdir -p "$bin"
if [ ! -x "$bin/actionlint" ] || [ "$(cat "$bin/.actionlint.version" 2>/dev/null)" != "$mod" ]; then
  cached="${GOPATH:-$HOME/go}/bin/actionlint"
  if [ -x "$cached" ] && [ "$(cat "${GOPATH:-$HOME/go}/bin/.actionlint.version" 2>/dev/null)" = "$mod" ]; then
    cp "$cached" "$bin/actionlint"
  else
    GOBIN="$bin" GOFLAGS=-mod=mod go install "$mod"
    cp "$bin/actionlint" "$cached" 2>/dev/null && echo "$mod" > "${GOPATH:-$HOME/go}/bin/.actionlint.version" || true
  fi
  echo "$mod" > "$bin/.actionlint.version"
fi
cd "$root"
"$bin/actionlint" -no-color .github/workflows/*.yml
echo "actionlint: workflows OK"
