#!/usr/bin/env bash
# Checks the Bicep: `bicep build` and `bicep lint` on infra/bicep/main.bicep must pass with no warning, and the
# committed ARM template infra/azuredeploy.json (the portal's path) must equal a fresh build.
# Comparison ignores metadata._generator (Bicep version and template hash). `--update` rewrites azuredeploy.json.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bicep=$(scripts/bicep.sh)
main=infra/bicep/main.bicep
committed=infra/azuredeploy.json
out=$(mktemp -d -t vmcontrol-bicep.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0

if ! "$bicep" build "$main" --stdout >"$out/build.json" 2>"$out/build.log"; then
  cat "$out/build.log" >&2; echo "bicep build failed" >&2; exit 1
fi
if grep -qiE 'warning|error' "$out/build.log"; then
  cat "$out/build.log" >&2; echo "bicep build reported warnings or errors" >&2; fail=1
fi
if ! "$bicep" lint "$main" >"$out/lint.log" 2>&1; then
  cat "$out/lint.log" >&2; echo "bicep lint failed" >&2; fail=1
elif grep -qiE 'warning|error' "$out/lint.log"; then
  cat "$out/lint.log" >&2; echo "bicep lint reported warnings or errors" >&2; fail=1
fi

if [ "${1:-}" = "--update" ]; then
  cp "$out/build.json" "$committed"
  echo "wrote $committed" >&2
fi

# jq when present; otherwise drop the generator's two volatile lines (Bicep's 4-part version, the template hash).
normalise() {
  if command -v jq >/dev/null; then
    jq -S 'walk(if type == "object" then del(._generator) else . end)' "$1"
  else
    grep -vE '^ *"(templateHash": "[0-9]+"|version": "[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+")' "$1"
  fi
}
if [ ! -f "$committed" ]; then
  echo "$committed is missing: run scripts/check-infra.sh --update" >&2; fail=1
elif ! diff -u <(normalise "$committed") <(normalise "$out/build.json") >"$out/diff.txt"; then
  head -40 "$out/diff.txt" >&2
  echo "$committed is stale: run scripts/check-infra.sh --update and commit it" >&2; fail=1
fi

[ "$fail" -eq 0 ] && echo "infra ok: bicep build and lint clean, $committed in sync" >&2
exit "$fail"
