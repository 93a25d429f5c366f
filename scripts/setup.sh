#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for Tifa: Chromium and CJK fonts (apt), then npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

# `npm ci` fails on this registry mirror (platform-only optional packages are missing from the
# lockfile); `npm install` with the committed lockfile installs the same tree.
npm install --no-audit --no-fund
