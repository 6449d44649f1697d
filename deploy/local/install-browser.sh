#!/usr/bin/env bash
# Installs Debian's Chromium and the Noto Arabic fonts for the page tests, once: does nothing when
# /usr/bin/chromium is already there. Needs root (CI machines run as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -i "Noto Naskh Arabic" >/dev/null; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq chromium fonts-noto-core >/dev/null
echo "Installed $(/usr/bin/chromium --version 2>/dev/null | head -1)"
