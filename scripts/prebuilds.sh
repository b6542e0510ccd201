# Sourced by env.sh: a cache of better-sqlite3's compiled addon outside the
# checkout, so that an install in a fresh clone unpacks it instead of
# compiling SQLite from source (the longest part of an install).
#
# better-sqlite3 installs with `prebuild-install || node-gyp rebuild --release`.
# prebuild-install first looks for its archive under the directory that
# npm_config_better_sqlite3_local_prebuilds names, checks that the binary in it
# loads, and otherwise node-gyp compiles it. The archive's name, chosen by
# prebuild-install, holds the package version, Node's ABI, the platform, libc
# and the CPU architecture, so a different Node or version is a cache miss.
# After each install, the installed binary must open an in-memory database,
# or it is rebuilt from source; the binary that works is archived for the
# next install.

DM_PREBUILDS="${XDG_CACHE_HOME:-${HOME:-}/.cache}/datamesh-backstage/prebuilds"
DM_SQLITE_PKG="$DM_ROOT/node_modules/better-sqlite3"

# Before `yarn install`: let prebuild-install find the cached archive (no
# cache when the directory cannot be created: the install compiles).
dm_prebuilds_use() {
  if mkdir -p "$DM_PREBUILDS" 2>/dev/null; then
    export npm_config_better_sqlite3_local_prebuilds="$DM_PREBUILDS"
  fi
  return 0
}

# The archive name prebuild-install looks for, from its own code.
dm_sqlite_archive() {
  (cd "$DM_SQLITE_PKG" && node -e '
    const pkg = require("./package.json");
    const from = { paths: [process.cwd()] };
    const rc = require(require.resolve("prebuild-install/rc", from))(pkg);
    const util = require(require.resolve("prebuild-install/util", from));
    console.log(require("path").basename(util.getDownloadUrl({ ...rc, pkg })));
  ')
}

dm_sqlite_loads() {
  (cd "$DM_ROOT" && node -e 'require("better-sqlite3")(":memory:").close()') 2>/dev/null
}

# After `yarn install`: make sure better-sqlite3 works, then keep its binary
# unless the archive already holds that very binary (an archive whose binary
# did not load, and was compiled over, is replaced).
dm_prebuilds_keep() {
  [ -d "$DM_SQLITE_PKG" ] || return 0
  local archive binary="build/Release/better_sqlite3.node"
  archive="$(dm_sqlite_archive)" || archive=""
  if ! dm_sqlite_loads; then
    echo "==> better-sqlite3 does not load; building it from source" >&2
    (cd "$DM_ROOT" && npm_config_build_from_source=true yarn rebuild better-sqlite3) || return 1
    dm_sqlite_loads || return 1
  fi
  [ -n "$archive" ] && [ -n "${npm_config_better_sqlite3_local_prebuilds:-}" ] || return 0
  if tar -xzOf "$DM_PREBUILDS/$archive" "$binary" 2>/dev/null |
    cmp -s - "$DM_SQLITE_PKG/$binary"; then
    return 0
  fi
  local tmp="$DM_PREBUILDS/.$archive.$$"
  if tar -czf "$tmp" -C "$DM_SQLITE_PKG" "$binary"; then
    mv -f "$tmp" "$DM_PREBUILDS/$archive"
    echo "==> Kept better-sqlite3's binary in $DM_PREBUILDS/$archive"
  else
    rm -f "$tmp"
  fi
  return 0
}
