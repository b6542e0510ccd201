#!/usr/bin/env bash
# Command 1 of the README: install what is missing (Node 22, dependencies) and
# start the portal: UI on :3000, backend on :7007, SQLite in memory, guest
# sign-in, example mesh loaded.
set -euo pipefail
source "$(dirname "$0")/env.sh"
dm_install
exec yarn start "$@"
