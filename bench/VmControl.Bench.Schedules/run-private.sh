#!/usr/bin/env bash
# The schedule benchmark against an Azurite of its own (docs/benchmarks.md), on 127.0.0.1:$PORT (default 10103).
# Arguments go to the bench: sizes. Build first: dotnet build -c Release bench/VmControl.Bench.Schedules
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/../../scripts/bench-private-azurite.sh" bench/VmControl.Bench.Schedules 10103 "${1:-10000,100000}"
