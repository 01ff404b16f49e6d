#!/usr/bin/env bash
# Differential check of the schema stage against the real kubeconform -strict on any input:
# renders PATH (kustomize build for a kustomization, else the file or directory as is), gives
# kubeconform exactly our schemas (validator schema-export, plus the CRDs found in the input), and
# prints each resource whose verdicts differ. Exits 1 when kubeconform rejects a resource that the
# validator accepts (the direction that must never happen), 0 otherwise.
#   tools/scripts/kubeconform-diff.sh [--kubernetes-version 1.NN] PATH...
# The corpus version of this check runs in `mvn verify` (KubeconformDiffTest).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=1.36
if [ "${1:-}" = "--kubernetes-version" ]; then version="$2"; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [--kubernetes-version 1.NN] PATH..." >&2; exit 2; }
bin="$("$root/tools/scripts/install-peers.sh" kustomize kubeconform)"
[ -f "$root/validator.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for path in "$@"; do
  stream="$work/stream.yaml"
  if [ -f "$path/kustomization.yaml" ] || [ -f "$path/kustomization.yml" ] || [ -f "$path/Kustomization" ]; then
    "$bin/kustomize" build "$path" >"$stream"
  elif [ -d "$path" ]; then
    find "$path" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort | while read -r f; do cat "$f"; echo '---'; done >"$stream"
  else
    cp "$path" "$stream"
  fi
  rm -rf "$work/schemas"
  java -jar "$root/validator.jar" schema-export --kubernetes-version "$version" --crd "$stream" --out "$work/schemas" >/dev/null
  "$bin/kubeconform" -strict -verbose -output json -summary=false -kubernetes-version "$version.0" \
    -schema-location "$work/schemas" "$stream" >"$work/kubeconform.json" || true
  java -jar "$root/validator.jar" validate --kubernetes-version "$version" -o json "$stream" >"$work/validator.json" || true
  echo "== $path (Kubernetes $version)"
  python3 - "$work/kubeconform.json" "$work/validator.json" <<'PY' || status=1
import collections, json, sys
kc = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))
rejected = collections.defaultdict(list)
for t in ours["targets"]:
    for f in t["findings"]:
        if f["rule"] == "SCHEMA" and f.get("resource"):
            parts = f["resource"].split("/")
            rejected[(parts[0], parts[-1] if parts[-1] != "?" else "")].append(f.get("field", "") + ": " + f["message"])
bad = 0
same = 0
for r in kc["resources"]:
    key = (r["kind"], r["name"])
    theirs = r["status"] in ("statusInvalid", "statusError")
    we = key in rejected
    if theirs == we:
        same += 1
        continue
    if theirs:
        bad += 1
        print(f"  kubeconform only: {key[0]}/{key[1]}: {r.get('msg', '')[:300]}")
    else:
        print(f"  validator only:   {key[0]}/{key[1]}: " + "; ".join(rejected[key][:3]))
print(f"  {same} of {len(kc['resources'])} resources with the same verdict")
sys.exit(1 if bad else 0)
PY
done
exit "$status"
