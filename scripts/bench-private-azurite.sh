#!/usr/bin/env bash
# Runs a benchmark against an Azurite of its own: the table service only, in memory, on 127.0.0.1:$PORT, stopped when
# the bench ends. Why not the shared one: it may persist to disk and serves other jobs on its one thread.
# Usage: scripts/bench-private-azurite.sh PROJECT DEFAULT_PORT BENCH_ARGUMENTS...  (the bench's run-private.sh calls it)
# The connection string goes to the bench as its last argument. Build the bench first (dotnet build -c Release).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
azurite_home=${AZURITE_HOME:-$root/.tools/azurite}
project=$1
shift
port=${PORT:-$1}
shift
bin="$azurite_home/node_modules/.bin/azurite-table"
if [ ! -x "$bin" ]; then
  echo "No Azurite in $azurite_home: scripts/azurite.sh installs one there, or set AZURITE_HOME." >&2
  exit 1
fi

_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if _listening "$port"; then
  echo "127.0.0.1:$port is taken; set PORT to a free one." >&2
  exit 1
fi

echo "Private Azurite on 127.0.0.1:$port, in memory" >&2
log=$(mktemp -t bench-azurite.XXXXXX)
"$bin" --silent --skipApiVersionCheck --loose --disableTelemetry --inMemoryPersistence \
  --tableHost 127.0.0.1 --tablePort "$port" >"$log" 2>&1 &
pid=$!
stop() {
  echo "Azurite (pid $pid) used $(ps -o cputime= -p "$pid" 2>/dev/null || echo '?') of CPU." >&2
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$log"
}
trap stop EXIT
for _ in $(seq 1 100); do
  _listening "$port" && break
  sleep 0.2
done
_listening "$port" || { echo "Azurite did not start: $(cat "$log")" >&2; exit 1; }

# Azurite's published development account key: a well-known constant, not a secret.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
dotnet run -c Release --no-build --project "$root/$project" -- "$@" \
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
