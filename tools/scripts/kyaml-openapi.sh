#!/usr/bin/env bash
# Regenerates the Kubernetes schema kustomize merges with: kyaml's built-in OpenAPI (v1.21.2,
# compiled into kustomize v5.8.1), reduced to the strategic-merge extensions. kustomize never
# uses a newer schema, so the renderer's merge keys come from this file and not from shared/.
#   tools/scripts/kyaml-openapi.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
mod="sigs.k8s.io/kustomize/kustomize/v5@v5.8.1"
out="$root/tools/validator/src/main/resources/io/todo/validator/render/kyaml-openapi-v1.21.2.json"
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
echo "wrote $out"
