#!/usr/bin/env bash
# Starts the whole Rawabit stack on this machine with embedded defaults: no Docker, no installs.
# tenant-admin starts first (it starts the embedded PostgreSQL and migrates schema `control`),
# then the platform attaches to the same server and migrates schema `app`. Data lives under
# $RAWABIT_HOME (default ~/.rawabit) and survives restarts. Ctrl-C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. .mvn/select-jdk.sh

export RAWABIT_HOME="${RAWABIT_HOME:-$HOME/.rawabit}"
logs="$RAWABIT_HOME/logs"
mkdir -p "$logs"

if [ "${RAWABIT_SKIP_BUILD:-}" != 1 ]; then
  echo "[rawabit] Building (tests skipped; run them with ./mvnw -B verify)…"
  ./mvnw -B -q install -DskipTests
fi

pids=()
stop() {
  echo "[rawabit] Stopping…"
  for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
}
trap stop EXIT INT TERM

start() { # name jar port
  echo "[rawabit] Starting $1 on http://127.0.0.1:$3 (log: $logs/$1.log)"
  RAWABIT_LOG_FORMAT="${RAWABIT_LOG_FORMAT-}" "$JAVA_HOME/bin/java" -jar "$2" >"$logs/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$3/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "[rawabit] $1 exited; see $logs/$1.log"; exit 1; fi
    sleep 1
  done
  echo "[rawabit] $1 did not become ready in 120 s; see $logs/$1.log"; exit 1
}

start tenant-admin tenant-admin/target/rawabit-tenant-admin-*-SNAPSHOT.jar "${RAWABIT_ADMIN_PORT:-8081}"
start platform platform/service/target/rawabit-platform-*-SNAPSHOT.jar "${RAWABIT_PLATFORM_PORT:-8080}"

cat <<INFO

[rawabit] Ready.
  platform       http://127.0.0.1:${RAWABIT_PLATFORM_PORT:-8080}   (health: /actuator/health, metrics: /actuator/prometheus)
  tenant-admin   http://127.0.0.1:${RAWABIT_ADMIN_PORT:-8081}
  PostgreSQL     127.0.0.1:54329, database rawabit, data in $RAWABIT_HOME/postgres
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
