#!/usr/bin/env bash
# pre-commit entry point: validates only the overlays the staged files affect.
# Builds the validator jar once if it is missing (in the repository that provides the hook).
set -euo pipefail
hook_repo="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${VALIDATOR_JAR:-$hook_repo/validator.jar}"
if [ ! -f "$jar" ]; then
  echo "pre-commit: building validator.jar (first run only)" >&2
  (cd "$hook_repo" && mvn -B -q package -DskipTests) >&2
fi
# Class-data sharing archive made by the build (see docs/performance.md), when present.
cds=()
if [ -f "${jar%.jar}.jsa" ]; then
  cds=(-XX:SharedArchiveFile="${jar%.jar}.jsa" -Xshare:auto)
fi
# C1 only and a young generation a typical run never fills: a short-lived JVM gains nothing from C2
# and should not pause to collect; the parallel collector when a large stream does (docs/performance.md)
exec java "${cds[@]}" -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:InitialRAMPercentage=25 -XX:NewSize=256m -XX:MaxTenuringThreshold=0 -jar "$jar" affected --validate --output text "$@"
