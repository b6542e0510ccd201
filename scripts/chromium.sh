#!/usr/bin/env bash
# Sourced by the test command: makes Debian's Chromium available for the
# Playwright tests (Playwright cannot download its own browsers everywhere),
# and exports CHROMIUM_PATH for playwright.config.ts.
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -x "$candidate" ]; then
      CHROMIUM_PATH="$candidate"
      break
    fi
  done
fi
if [ -z "${CHROMIUM_PATH:-}" ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> Installing Chromium (apt-get install chromium)"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends chromium >/dev/null ||
    { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium >/dev/null; }
  [ -x /usr/bin/chromium ] && CHROMIUM_PATH=/usr/bin/chromium
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "No Chromium found: install one or set CHROMIUM_PATH." >&2
  return 1
fi
export CHROMIUM_PATH
