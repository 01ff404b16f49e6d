#!/usr/bin/env bash
# Schema stage only, side by side on one generated stream: kubeconform -strict against our exported
# schemas vs the validator's schema stage (a cold process, and warm in-process), in resources/second.
#   tools/bench/schema-stream.sh [COUNT=50000] [KUBERNETES_VERSION=1.33]
# Not a test: prints a small table. Needs python3 (the generator), java, and kubeconform (installed
# by tools/scripts/install-peers.sh kubeconform).
set -euo pipefail
count="${1:-50000}"
version="${2:-1.33}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="$(tools/scripts/install-peers.sh kubeconform)"
[ -f validator.jar ] || mvn -B -q package -DskipTests
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 tools/bench/gen.py stream "$work/stream.yaml" --count "$count"
java -jar validator.jar schema-export --kubernetes-version "$version" --out "$work/schemas" >/dev/null

now() { date +%s.%N; }
rate() { awk -v n="$count" -v a="$1" -v b="$2" 'BEGIN { s = b - a; printf "%8.2f s  %9.0f resources/s\n", s, n / s }'; }

printf '%d resources, Kubernetes %s, %s cores\n' "$count" "$version" "$(nproc)"
t0="$(now)"
"$bin/kubeconform" -strict -summary -kubernetes-version "$version.0" -n "$(nproc)" \
  -schema-location "$work/schemas" "$work/stream.yaml" >"$work/kubeconform.txt" || true
t1="$(now)"
printf '%-34s %s\n' "kubeconform -strict" "$(rate "$t0" "$t1")"
t0="$(now)"
java -jar validator.jar bench --mode schema --iterations 0 --warmup 0 --kubernetes-version "$version" \
  "$work/stream.yaml" >"$work/cold.json"
t1="$(now)"
printf '%-34s %s\n' "validator (cold: load + schema)" "$(rate "$t0" "$t1")"
warm="$(java -jar validator.jar bench --mode schema --iterations 3 --warmup 2 --kubernetes-version "$version" \
  "$work/stream.yaml")"
awk -v n="$count" -v j="$warm" 'BEGIN { match(j, /"medianMillis": [0-9.]+/); m = substr(j, RSTART + 16, RLENGTH - 16) / 1000;
  printf "%-34s %8.2f s  %9.0f resources/s\n", "validator (warm: schema stage)", m, n / m }'
tail -1 "$work/kubeconform.txt"
