#!/usr/bin/env bash
# Prints the Kubernetes schema kustomize merges with: kyaml's built-in OpenAPI (v1.21.2, compiled
# into kustomize v5.8.1), reduced to the strategic-merge extensions, into .tools/kyaml/ (not
# committed). RenderTableTest proves with it that the renderer's table (derived from shared/ and
# RenderTable's list of the strategies kyaml knows) merges exactly as kustomize does.
#   tools/scripts/kyaml-openapi.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mod="sigs.k8s.io/kustomize/kustomize/v5@v5.8.1"
out="$root/.tools/kyaml/openapi-v1.21.2.json"
mkdir -p "$(dirname "$out")"
"$root/tools/scripts/install-peers.sh" kustomize >/dev/null   # puts kustomize's modules in the cache
dir="$(go env GOMODCACHE)/$mod"
tmp="$(mktemp -d)"
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
cp "$root/tools/scripts/kyaml-openapi/main.go" "$dir/go.mod" "$dir/go.sum" "$tmp/"
chmod u+w "$tmp/go.mod" "$tmp/go.sum"
# kustomize's own go.mod pins the kyaml version; only the module name changes
sed -i -e 's#^module .*#module kyamlopenapi#' -e '/^replace/,$d' "$tmp/go.mod"
(cd "$tmp" && GOFLAGS=-mod=mod go run . >"$out.tmp")
mv "$out.tmp" "$out"
echo "$out"
