#!/usr/bin/env bash
# Regenerates the renderer's differential corpus with the real kustomize (v5.8.1, the version
# Argo CD 3.3.1+ bundles): for every case under src/test/resources/render-cases/<case>/ it writes
# render-expected/<case>.yaml (the exact stdout) or render-expected/<case>.err (the error, paths
# made relative). Expected files are never edited by hand.
# Cases named helm-* are built with `--enable-helm --helm-command .tools/bin/helm` (helm v3.19.0,
# installed with kustomize), with an empty HELM_* environment and no kubeconfig, so nothing of the
# machine reaches the chart.
#   tools/scripts/render-corpus.sh           regenerate
#   tools/scripts/render-corpus.sh --check   fail if regenerating would change any expected file
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/tools/scripts/install-peers.sh" kustomize helm >/dev/null
kustomize="$root/.tools/bin/kustomize"
helm="$root/.tools/bin/helm"
res="$root/tools/validator/src/test/resources"
cases="$res/render-cases"
expected="$res/render-expected"
out="$expected"
if [ "${1:-}" = "--check" ]; then
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
for dir in "$cases"/*/; do
  name="$(basename "$dir")"
  rm -f "$out/$name.yaml" "$out/$name.err"
  flags=()
  case "$name" in helm-*) flags=(--enable-helm --helm-command "$helm") ;; esac
  if (cd "$dir" && env -u HELM_NAMESPACE -u HELM_KUBECONTEXT KUBECONFIG=/dev/null \
      "$kustomize" build "${flags[@]}" . >"$out/$name.yaml.tmp" 2>"$out/$name.stderr"); then
    mv "$out/$name.yaml.tmp" "$out/$name.yaml"
  else
    # keep the message, not the machine: absolute paths become relative to the case
    # (helm's temporary directory and the helm binary too)
    sed -e "s#$(cd "$dir" && pwd -P)#<case>#g" -e "s#$cases#<cases>#g" -e "s#0x[0-9a-f]*#0x?#g" \
      -e "s#[^ '=]*/kustomize-helm-[0-9]*#<tmp>#g" -e "s#$helm#helm#g" "$out/$name.stderr" >"$out/$name.err"
    rm -f "$out/$name.yaml.tmp"
  fi
  rm -f "$out/$name.stderr"
done
if [ "${1:-}" = "--check" ]; then
  if ! diff -r "$expected" "$out" >/dev/null; then
    diff -r "$expected" "$out" | head -50 >&2
    echo "render-corpus: expected files differ from what kustomize prints; run tools/scripts/render-corpus.sh" >&2
    exit 1
  fi
  echo "render-corpus: $(ls "$cases" | wc -l) cases match kustomize"
fi
