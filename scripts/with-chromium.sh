#!/usr/bin/env bash
# Runs a command with Debian's Chromium available (installed if missing) and
# CHROMIUM_PATH exported: used by the page benchmark, as the test command
# does for the browser tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/chromium.sh"
exec "$@"
