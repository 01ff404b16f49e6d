#!/usr/bin/env bash
# Fetches the SARIF 2.1.0 JSON schema (as shipped in the npm package @microsoft/jest-sarif) into
# .tools/sarif/ (git-ignored), so that the SARIF reporter test validates our output against it.
# Without it the test falls back to structural assertions. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.tools/sarif"
out="$dir/sarif-schema-2.1.0.json"
[ -s "$out" ] && { echo "$out"; exit 0; }
command -v npm >/dev/null 2>&1 || { echo "fetch-sarif-schema: npm is not installed" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
tar -xzf "$tmp"/microsoft-jest-sarif-*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
mkdir -p "$dir"
mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$out"
echo "$out"
