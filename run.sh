#!/usr/bin/env bash
# Runs the whole system locally: Azurite (installed from npm and started on 127.0.0.1 when nothing listens on
# 10000-10002) and VmControl.LocalHost on http://127.0.0.1:7071 (the port `func start` uses), with the operator
# console at the same address. Ctrl+C stops LocalHost and the Azurite this script started (an Azurite that was
# already running is left alone).
#
#   ./run.sh                  data in a temporary folder, gone when the script ends (the default)
#   ./run.sh --persist        data kept in .azurite/ of the checkout (ignored by git) across restarts;
#                             VMCONTROL_PERSIST=1 does the same
#   ./run.sh --Driver=libvirt real QEMU guests through libvirt: also sets up libvirt and the test guest
#                             (scripts/libvirt.sh), configures its image "tiny" and sizes "small" and "medium", and
#                             stops the daemons it started
#   VMCONTROL_URLS=http://127.0.0.1:7081 ./run.sh    another address
# Any other argument goes to LocalHost (--Section:Key=value, see docs/configuration.md). With no API key configured,
# LocalHost prints a generated admin key (docs/security.md).
set -euo pipefail
cd "$(dirname "$0")"
persist="${VMCONTROL_PERSIST:-0}"
args=()
for arg in "$@"; do
  if [ "$arg" = "--persist" ]; then persist=1; else args+=("$arg"); fi
done
source scripts/azurite.sh
source scripts/libvirt.sh
if [ "$persist" = "1" ]; then
  AZURITE_PERSIST_DIR="$PWD/.azurite"
  if _listening 10000; then
    echo "--persist: an Azurite already listens on 10000-10002 and keeps (or drops) data as it was started; stop it to have .azurite/ used." >&2
  fi
fi
trap 'azurite_down; libvirt_down' EXIT
azurite_up
extra=()
for arg in ${args[@]+"${args[@]}"}; do
  if [ "$arg" = "--Driver=libvirt" ]; then
    libvirt_up
    libvirt_guest
    mapfile -t extra < <(libvirt_settings)
  fi
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/VmControl.LocalHost -c Release -nologo -v q
urls="${VMCONTROL_URLS:-http://127.0.0.1:7071}"
first="${urls%%;*}"
echo "VmControl API on $first/api (try: curl $first/api/health)"
echo "Operator console on $first/"
if [ -n "$AZURITE_PID" ]; then
  if [ "$persist" = "1" ]; then echo "Data kept in .azurite/ (--persist)"; else echo "Data is temporary (./run.sh --persist keeps it)"; fi
fi
dotnet run --project src/VmControl.LocalHost -c Release --no-build --urls "$urls" ${extra[@]+"${extra[@]}"} ${args[@]+"${args[@]}"}
