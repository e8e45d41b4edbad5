#!/usr/bin/env bash
# Make sure Debian's chromium is installed: the browser tests drive it through Playwright.
# (Playwright's own browser download needs the open internet; Debian's package does not.)
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "chromium is missing: installing Debian's package (apt-get install chromium)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null
else
  echo "The browser tests need Debian's chromium. Install it with:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
