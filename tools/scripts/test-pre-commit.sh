#!/usr/bin/env bash
# Tests the pre-commit hook with the real pre-commit (from PyPI, pinned) in a temporary git
# repository holding a copy of this repository's config tree:
#   - a good commit passes;
#   - a commit adding a plaintext Secret is refused with the finding's file:line;
#   - a commit removing a probe is refused with the finding's file:line;
#   - a commit outside every overlay's inputs validates nothing.
# Prints the hook's wall time for each commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.tools/pre-commit"
if [ ! -x "$venv/bin/pre-commit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pre-commit==4.7.0
fi
jar="$root/validator.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
export VALIDATOR_JAR="$jar"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/base" "$root/overlays" "$root/policies" "$root/validator.yaml" "$root/.pre-commit-config.yaml" "$tmp/"
mkdir -p "$tmp/tools/scripts" "$tmp/docs"
cp "$root/tools/scripts/pre-commit-validate.sh" "$tmp/tools/scripts/"
cd "$tmp"
git init -q
git config user.email test@example.invalid
git config user.name test
git add -A
git commit -qm initial --no-verify
"$venv/bin/pre-commit" install >/dev/null

fail=0
commit() { # commit MESSAGE EXPECT(pass|fail) [GREP...]
  local msg="$1" expect="$2"
  shift 2
  local start end out rc
  start=$(date +%s%N)
  set +e
  out="$(git commit -qm "$msg" 2>&1)"
  rc=$?
  set -e
  end=$(date +%s%N)
  printf '%-28s rc=%d  %5d ms\n' "$msg" "$rc" $(((end - start) / 1000000))
  if [ "$expect" = pass ] && [ $rc -ne 0 ]; then echo "FAIL: expected '$msg' to pass:"; echo "$out"; fail=1; fi
  if [ "$expect" = fail ] && [ $rc -eq 0 ]; then echo "FAIL: expected '$msg' to be refused"; fail=1; fi
  for pattern in "$@"; do
    if ! grep -qE "$pattern" <<<"$out"; then echo "FAIL: '$msg' output lacks /$pattern/:"; echo "$out"; fail=1; fi
  done
  [ $rc -eq 0 ] || git reset -q --hard HEAD
}

# 1. a good one-file change
sed -i '1i # reviewed' overlays/dev/kustomization.yaml
git add -A
commit "good change" pass

# 2. a plaintext Secret
cat > overlays/dev/leak.yaml <<'YAML'
apiVersion: v1
kind: Secret
metadata:
  name: leak
stringData:
  password: hunter2-very-secret
YAML
printf 'resources:\n- leak.yaml\n' > /dev/null
python3 - <<'PY'
import re
p = "overlays/dev/kustomization.yaml"
s = open(p).read()
s = re.sub(r"(?m)^resources:\n", "resources:\n- leak.yaml\n", s, count=1)
open(p, "w").write(s)
PY
git add -A
commit "plaintext secret" fail 'overlays/dev/leak.yaml:[0-9]+:[0-9]+: error'
if git log -1 --format=%s | grep -q "plaintext secret"; then fail=1; fi

# 3. a removed probe
python3 - <<'PY'
import glob, re
for p in sorted(glob.glob("base/backend/*.yaml")):
    s = open(p).read()
    if "readinessProbe:" in s:
        # drop the readinessProbe block (its indented lines)
        s2 = re.sub(r"(?m)^(\s*)readinessProbe:\n(?:\1\s+.*\n)+", "", s, count=1)
        open(p, "w").write(s2)
        break
PY
git add -A
commit "removed probe" fail 'base/backend/[a-z-]+\.yaml:[0-9]+:[0-9]+: error'

# 4. outside every overlay's inputs
echo "notes" > docs/notes.md
git add -A
commit "unrelated change" pass

[ $fail -eq 0 ] && echo "pre-commit hook: all cases behave" || { echo "pre-commit hook: FAILED"; exit 1; }
