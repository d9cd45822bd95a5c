#!/usr/bin/env bash
# Runs every test project against Azurite (installed and started here when missing, stopped after if started here).
# Ends with one line: "N passed, N failed[, N skipped]". Exit code non-zero when the build or a test fails, or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
source scripts/libvirt.sh
trap 'azurite_down; libvirt_down' EXIT
azurite_install   # even when an Azurite already listens: the reliability and OpenStack suites start their own from .tools/azurite
azurite_up

bash scripts/bicep.sh >/dev/null   # Bicep CLI from NuGet into .tools/bicep; VmControl.Infra.Tests builds and lints infra/bicep with it
bash scripts/ensure-openstack-cli.sh   # Debian's openstack CLI + SDK for VmControl.OpenStack.Tests' client tests
# libvirt + QEMU from apt, the /dev/kvm fix, the daemons and the test guest (Debian cloud kernel + busybox initramfs in
# .tools/guest) for VmControl.Drivers.Libvirt.Tests' real guests. A failed set-up does not stop the run: those tests fail.
{ libvirt_up && libvirt_guest; } || echo "libvirt set-up failed: VmControl.Drivers.Libvirt.Tests will fail" >&2
bash scripts/ensure-chromium.sh >/dev/null   # Debian's chromium for the console's browser tests (apt, only when missing)
results=$(mktemp -d -t vmcontrol-tests.XXXXXX)
dotnet build Functions.sln -c Release -nologo -v q
status=0
for proj in tests/*/*.csproj; do
  name=$(basename "$proj" .csproj)
  grep -q '<IsTestProject>true</IsTestProject>' "$proj" || continue   # tests/VmControl.Testing is support, not tests
  echo "== $name" >&2
  dotnet test "$proj" -c Release --no-build -nologo -v q \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); p=${p:-0}
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=${f:-0}
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); t=${t:-0}
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters"); e=${e:-0}
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - e))
  if [ "$f" -ne 0 ]; then
    # The runner is quiet (-v q): name each failed test, its message and the end of its own output (the reliability
    # suite writes the host's errors there), so a red CI log says what broke.
    if command -v python3 >/dev/null; then
      python3 - "$trx" >&2 <<'PY' || true
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
    print(f"FAILED: {r.get('testName')}")
    for part, limit in (("t:Output/t:ErrorInfo/t:Message", 30), ("t:Output/t:StdOut", 60)):
        node = r.find(part, ns)
        if node is not None and node.text:
            print("\n".join(node.text.splitlines()[-limit:]))
PY
    else
      grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed 's/.*testName="\([^"]*\)".*/FAILED: \1/' >&2 || true
    fi
  fi
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
