#!/usr/bin/env bash
# The power-sync benchmark against an Azurite of its own (docs/benchmarks.md), on 127.0.0.1:$PORT (default 10102).
# Arguments go to the bench: sizes, naive limit. Build first: dotnet build -c Release bench/VmControl.Bench.PowerSync
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bench-private-azurite.sh" bench/VmControl.Bench.PowerSync 10102 "${1:-1000,10000,100000}" "${2:-10000}"
