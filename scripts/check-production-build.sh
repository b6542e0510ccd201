#!/usr/bin/env bash
# Checks the production build without Docker, by doing what the backend image
# (packages/backend/Dockerfile) does:
#   1. builds the backend bundle (yarn tsc, yarn build:backend);
#   2. copies into a fresh folder exactly what the Dockerfile's COPY lines
#      copy (less what .dockerignore leaves out), unpacks the skeleton,
#      installs the production dependencies (yarn workspaces focus --all
#      --production) and unpacks the bundle;
#   3. runs the Dockerfile's CMD there (both app-configs) against PostgreSQL,
#      on port 7107, with a database prefix of its own;
#   4. checks that the backend is healthy and serves the app, that the
#      catalog holds the three templates and the example data products, that
#      /api/data-mesh/domains has scored them all, and that a template run
#      gets as far as publish:github (the backend gets no GitHub credentials,
#      so nothing is created on GitHub).
# It stops the backend (SIGTERM; SIGKILL if it is still running 70s later),
# drops the databases it created and removes the folder, also when a check
# fails. Not part of scripts/test.sh: it takes three to four minutes.
#
# Usage: scripts/check-production-build.sh [--skip-build]
#   --skip-build           reuse packages/backend/dist from an earlier build
#   POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD
#                          PostgreSQL (default 127.0.0.1, 5432, postgres, empty)
#   DM_CHECK_PORT          the backend's port (default 7107)
#   DM_CHECK_KEEP=1        keep the folder (the backend is stopped all the same)
set -euo pipefail
source "$(dirname "$0")/env.sh"
dm_install

export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}"
export POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
PORT="${DM_CHECK_PORT:-7107}"
BASE_URL="http://localhost:$PORT"
DB_PREFIX="dm_production_check_$$_"
DOCKERFILE="$DM_ROOT/packages/backend/Dockerfile"
CHECKS="$DM_ROOT/scripts/check-production-build.mjs"
IMAGE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/dm-production-build.XXXXXX")"
BACKEND_LOG="$IMAGE_DIR.backend.log"
BACKEND_PID=""
SECONDS=0

phase() { echo "==> [${SECONDS}s] $*"; }

stop_backend() {
  [ -n "$BACKEND_PID" ] || return 0
  if kill -0 "$BACKEND_PID" 2>/dev/null; then
    local stopping=$SECONDS
    kill -TERM "$BACKEND_PID" 2>/dev/null || true
    # A graceful stop waits for the events bus's long polls to end (up to
    # 55s, events.notifyTimeoutMs).
    for _ in $(seq 1 140); do
      kill -0 "$BACKEND_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$BACKEND_PID" 2>/dev/null; then
      echo "    the backend is still running 70s after SIGTERM: SIGKILL"
      kill -KILL "$BACKEND_PID" 2>/dev/null || true
    else
      echo "    the backend stopped on SIGTERM in $((SECONDS - stopping))s"
    fi
  fi
  wait "$BACKEND_PID" 2>/dev/null || true
  BACKEND_PID=""
}

cleanup() {
  local status=$?
  phase "Cleaning up"
  stop_backend
  node "$CHECKS" drop-databases "$DB_PREFIX" ||
    echo "    could not drop the databases $DB_PREFIX* (drop them by hand)"
  if [ "$status" != 0 ] && [ -f "$BACKEND_LOG" ]; then
    echo "    the backend's last log lines ($BACKEND_LOG):"
    tail -n 30 "$BACKEND_LOG" | sed 's/^/    | /'
  fi
  # The build's and the installation's logs: their tails were shown.
  rm -f "$IMAGE_DIR.build.log" "$IMAGE_DIR.install.log"
  if [ -n "${DM_CHECK_KEEP:-}" ]; then
    echo "    kept $IMAGE_DIR"
  else
    rm -rf "$IMAGE_DIR"
    [ "$status" != 0 ] || rm -f "$BACKEND_LOG"
  fi
  if [ "$status" = 0 ]; then
    echo "PRODUCTION BUILD CHECK: passed in ${SECONDS}s"
  else
    echo "PRODUCTION BUILD CHECK: FAILED after ${SECONDS}s"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() {
  node -e 'require("net").connect(Number(process.argv[1]), "127.0.0.1")
    .on("connect", () => process.exit(0)).on("error", () => process.exit(1))' "$PORT"
}
if port_in_use; then
  echo "Port $PORT is in use by another process: set DM_CHECK_PORT to a free port"
  exit 1
fi

if [ "${1:-}" != "--skip-build" ]; then
  phase "Building the backend bundle (yarn tsc, yarn build:backend)"
  yarn tsc
  yarn build:backend >"$IMAGE_DIR.build.log" 2>&1 ||
    { tail -n 30 "$IMAGE_DIR.build.log"; exit 1; }
  rm -f "$IMAGE_DIR.build.log"
fi
for file in skeleton.tar.gz bundle.tar.gz; do
  [ -f "$DM_ROOT/packages/backend/dist/$file" ] ||
    { echo "packages/backend/dist/$file is missing: build first"; exit 1; }
done

# The patterns of .dockerignore, which leaves files out of the build context.
mapfile -t IGNORED < <(sed -e '/^[[:space:]]*#/d' -e '/^[[:space:]]*$/d' "$DM_ROOT/.dockerignore")
TAR_EXCLUDES=()
for pattern in "${IGNORED[@]}"; do TAR_EXCLUDES+=("--exclude=$pattern"); done
ignored() {
  local pattern
  for pattern in "${IGNORED[@]}"; do
    # shellcheck disable=SC2053 # the pattern is a glob
    [[ $1 == $pattern ]] && return 0
  done
  return 1
}

# COPY <source> <destination> of the Dockerfile, from the repository (the
# build context) into the image folder (the WORKDIR).
copy_into_image() {
  local source=$1 destination=$2
  ignored "$source" && return 0
  if [ -d "$DM_ROOT/$source" ]; then
    # A folder's contents go to the destination folder.
    local depth
    depth=$(awk -F/ '{ print NF }' <<<"$source")
    mkdir -p "$IMAGE_DIR/$destination"
    tar -C "$DM_ROOT" --anchored "${TAR_EXCLUDES[@]}" -cf - "$source" |
      tar -C "$IMAGE_DIR/$destination" --strip-components="$depth" -xf -
  else
    cp "$DM_ROOT/$source" "$IMAGE_DIR/$destination"
  fi
}

phase "Copying what the Dockerfile copies into $IMAGE_DIR"
while read -r -a words; do
  sources=()
  for word in "${words[@]:1}"; do
    [[ $word == --* ]] || sources+=("$word")
  done
  destination="${sources[-1]}"
  unset 'sources[-1]'
  for pattern in "${sources[@]}"; do
    matches="$(cd "$DM_ROOT" && compgen -G "$pattern")" ||
      { echo "COPY source $pattern is missing"; exit 1; }
    for source in $matches; do
      copy_into_image "$source" "$destination"
      echo "    COPY $source -> $destination"
    done
  done
done < <(grep -E '^COPY ' "$DOCKERFILE")

phase "Installing the production dependencies (yarn workspaces focus --all --production)"
(
  cd "$IMAGE_DIR"
  tar xzf skeleton.tar.gz && rm skeleton.tar.gz
  NODE_ENV=production yarn workspaces focus --all --production >"$IMAGE_DIR.install.log" 2>&1 ||
    { tail -n 30 "$IMAGE_DIR.install.log"; exit 1; }
  rm -f "$IMAGE_DIR.install.log"
  tar xzf bundle.tar.gz && rm bundle.tar.gz
)

# The Dockerfile's CMD, a JSON array.
mapfile -t COMMAND < <(node -e '
  const line = require("fs").readFileSync(process.argv[1], "utf8")
    .split("\n").find(l => l.startsWith("CMD "));
  for (const word of JSON.parse(line.slice(4))) console.log(word);
' "$DOCKERFILE")

if port_in_use; then
  echo "Port $PORT is in use by another process: set DM_CHECK_PORT to a free port"
  exit 1
fi
phase "Starting the backend: ${COMMAND[*]} (PostgreSQL $POSTGRES_HOST:$POSTGRES_PORT, databases $DB_PREFIX*, port $PORT)"
(
  cd "$IMAGE_DIR"
  # No GitHub credentials: a template run must stop at publish:github.
  # The guest sign-in stands in for the production sign-in provider.
  exec env -u GITHUB_TOKEN NODE_ENV=production \
    DATA_PRODUCT_REPO_OWNER=data-mesh-production-check \
    APP_CONFIG_backend_listen="127.0.0.1:$PORT" \
    APP_CONFIG_backend_baseUrl="$BASE_URL" \
    APP_CONFIG_app_baseUrl="$BASE_URL" \
    APP_CONFIG_backend_database_prefix="$DB_PREFIX" \
    APP_CONFIG_auth_providers_guest_dangerouslyAllowOutsideDevelopment=true \
    "${COMMAND[@]}"
) >"$BACKEND_LOG" 2>&1 &
BACKEND_PID=$!

backend_running() {
  kill -0 "$BACKEND_PID" 2>/dev/null || { echo "The backend exited"; exit 1; }
}
for _ in $(seq 1 180); do
  backend_running
  if node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "$BASE_URL/.backstage/health/v1/readiness"; then
    break
  fi
  sleep 1
done
backend_running

phase "Checking the running backend"
node "$CHECKS" checks "$BASE_URL" "$IMAGE_DIR"
