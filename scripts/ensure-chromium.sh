#!/usr/bin/env bash
# Ensures Debian's Chromium is installed for the console's browser tests (Microsoft.Playwright drives it through
# ExecutablePath; `playwright install` is never used, it downloads browsers). Installs with apt only when missing.
# Prints the path of the chromium binary.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium with apt ..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq >&2 || true
  $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >&2
fi
command -v chromium
