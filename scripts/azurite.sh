#!/usr/bin/env bash
# Ensures Azurite is installed (project-local, from npm) and listening on 127.0.0.1:10000-10002.
# Sourced by run.sh and test.sh: `azurite_up` starts it only when nothing listens, and `azurite_down`
# stops only an Azurite this script started. Its data goes to a temporary folder, deleted by `azurite_down`, unless
# AZURITE_PERSIST_DIR names a folder: then the data is kept there across restarts (run.sh --persist uses .azurite/).
AZURITE_VERSION=3.37.0
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
AZURITE_DIR="$_root/.tools/azurite"
AZURITE_PID=""
AZURITE_DATA=""

_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

azurite_install() {
  if [ ! -x "$AZURITE_DIR/node_modules/.bin/azurite" ]; then
    command -v npm >/dev/null || { echo "npm is needed to install Azurite (apt-get install -y nodejs npm)" >&2; return 1; }
    echo "Installing Azurite $AZURITE_VERSION into .tools/azurite ..." >&2
    mkdir -p "$AZURITE_DIR"
    npm install --prefix "$AZURITE_DIR" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2
  fi
}

azurite_up() {
  if _listening 10000 && _listening 10001 && _listening 10002; then
    echo "Azurite already listens on 127.0.0.1:10000-10002; using it." >&2
    return 0
  fi
  azurite_install || return 1
  if [ -n "${AZURITE_PERSIST_DIR:-}" ]; then
    mkdir -p "$AZURITE_PERSIST_DIR"
    AZURITE_DATA=$(cd "$AZURITE_PERSIST_DIR" && pwd)
  else
    AZURITE_DATA=$(mktemp -d -t vmcontrol-azurite.XXXXXX)
  fi
  "$AZURITE_DIR/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location "$AZURITE_DATA" >"$AZURITE_DATA/azurite.log" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if _listening 10000 && _listening 10001 && _listening 10002; then
      echo "Azurite started (pid $AZURITE_PID, data $AZURITE_DATA)." >&2
      return 0
    fi
    sleep 0.2
  done
  echo "Azurite did not start; see $AZURITE_DATA/azurite.log" >&2
  return 1
}

azurite_down() {
  if [ -n "$AZURITE_PID" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    # Azurite closes gracefully on SIGTERM and can wait a long while on open connections: give it 5 s, then end it.
    for _ in $(seq 1 50); do
      kill -0 "$AZURITE_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
    # Kept data stays; a temporary folder goes.
    [ -n "${AZURITE_PERSIST_DIR:-}" ] || rm -rf "$AZURITE_DATA"
    AZURITE_PID=""
  fi
}
