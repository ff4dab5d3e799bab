#!/usr/bin/env bash
# Installs Debian's Chromium and a CJK font for the e2e tests when they are missing (never a downloaded browser).
set -euo pipefail
need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  echo "installing ${need[*]} from Debian"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || true
