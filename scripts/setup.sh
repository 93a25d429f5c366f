#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Tifa: Chromium, Firefox ESR and CJK fonts (apt), then
# npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
# Firefox ESR for the Firefox end-to-end suite; its recommended desktop packages are not needed headless.
if ! command -v firefox-esr >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends firefox-esr >/dev/null
fi

# `npm ci` fails on this registry mirror (platform-only optional packages are missing from the
# lockfile); `npm install` with the committed lockfile installs the same tree.
npm install --no-audit --no-fund
