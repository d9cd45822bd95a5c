#!/usr/bin/env bash
# Runs the whole system locally: Azurite (installed from npm and started on 127.0.0.1 when nothing listens on
# 10000-10002) and VmControl.LocalHost on http://127.0.0.1:7071 (the port `func start` uses). Ctrl+C stops
# LocalHost and the Azurite this script started (an Azurite that was already running is left alone).
# With --Driver=libvirt it also sets up libvirt and the test guest (scripts/libvirt.sh) and configures its image "tiny"
# and sizes "small" and "medium"; the daemons it started stop with it.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
source scripts/libvirt.sh
trap 'azurite_down; libvirt_down' EXIT
azurite_up
extra=()
for arg in "$@"; do
  if [ "$arg" = "--Driver=libvirt" ]; then
    libvirt_up
    libvirt_guest
    mapfile -t extra < <(libvirt_settings)
  fi
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/VmControl.LocalHost -c Release -nologo -v q
urls="${VMCONTROL_URLS:-http://127.0.0.1:7071}"
echo "VmControl on $urls (try: curl ${urls%%;*}/api/health)"
dotnet run --project src/VmControl.LocalHost -c Release --no-build --urls "$urls" "${extra[@]}" "$@"
