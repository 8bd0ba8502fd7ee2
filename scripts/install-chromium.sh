#!/usr/bin/env bash
# Chromium for the browser suite (e2e/browser.e2e.ts) and the demo's screenshots: Debian's package,
# with the fonts the page renders in. Installs only when /usr/bin/chromium is missing; needs root
# (apt-get). CI calls it before the e2e stage.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version 2>/dev/null | head -1
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "install-chromium: /usr/bin/chromium is missing and installing it needs root: sudo bash scripts/install-chromium.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
/usr/bin/chromium --version 2>/dev/null | head -1
