#!/usr/bin/env bash
# Coverage-guided fuzzing of the validator's parsers with Jazzer. Jazzer fuzzes one test per JVM,
# so each @FuzzTest gets its own Maven run, for FuzzDirs.MAX_DURATION (10 seconds: the short run CI
# does; for a long run, raise that constant locally).
# Findings are written next to the seeds (src/test/resources/io/todo/validator/fuzz/<Test>Inputs/)
# and fail the run: commit them with the fix, and add a bad-input case (docs/hostile-input.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
for test in LoaderFuzzTest KustomizationFuzzTest StrategicMergeFuzzTest; do
  echo "fuzzing $test" >&2
  JAZZER_FUZZ=1 mvn -B -q test -pl tools/validator -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false
done
