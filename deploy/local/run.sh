#!/usr/bin/env bash
# Starts the whole Rawabit stack on this machine with embedded defaults: no Docker, no installs.
# Keycloak 26 (from Maven Central, unpacked once under $RAWABIT_HOME) with the demo realm, unless
# RAWABIT_ISSUER names an external one; then tenant-admin (it starts the embedded PostgreSQL,
# migrates schema `control` and loads the five seed associations with their policies); then the
# platform (it attaches to the same server and migrates schema `app`). Data lives under
# $RAWABIT_HOME (default ~/.rawabit) and survives restarts. Ctrl-C stops everything.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. .mvn/select-jdk.sh

export RAWABIT_HOME="${RAWABIT_HOME:-$HOME/.rawabit}"
# The local stack runs on the development credentials (the demo realm's client secrets, the dev secrets
# key); outside the 'dev' profile the applications refuse to start with them.
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}"
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

wait_for() { # name url seconds
  for _ in $(seq 1 "$3"); do
    if curl -fs "$2" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "[rawabit] $1 exited; see $logs/$1.log"; exit 1; fi
    sleep 1
  done
  echo "[rawabit] $1 did not become ready in $3 s; see $logs/$1.log"; exit 1
}

if [ -z "${RAWABIT_ISSUER:-}" ]; then
  echo "[rawabit] Starting Keycloak on http://127.0.0.1:8180 (first start unpacks and builds it: ~1 min; log: $logs/keycloak.log)"
  "$JAVA_HOME/bin/java" -cp "$(ls platform/devstack/target/rawabit-devstack-*.jar | grep -v sources | head -1)" \
    sa.rawabit.devstack.LocalKeycloak >"$logs/keycloak.log" 2>&1 &
  pids+=($!)
  wait_for keycloak "http://127.0.0.1:8180/realms/rawabit/.well-known/openid-configuration" 300
fi

start() { # name jar port
  echo "[rawabit] Starting $1 on http://127.0.0.1:$3 (log: $logs/$1.log)"
  RAWABIT_LOG_FORMAT="${RAWABIT_LOG_FORMAT-}" \
    "$JAVA_HOME/bin/java" -XX:+UseCompactObjectHeaders -jar "$2" >"$logs/$1.log" 2>&1 &
  pids+=($!)
  wait_for "$1" "http://127.0.0.1:$3/actuator/health/readiness" 120
}

RAWABIT_DEMO="${RAWABIT_DEMO:-true}" start tenant-admin tenant-admin/target/rawabit-tenant-admin-*-SNAPSHOT.jar "${RAWABIT_ADMIN_PORT:-8081}"
start platform platform/service/target/rawabit-platform-*-SNAPSHOT.jar "${RAWABIT_PLATFORM_PORT:-8080}"

cat <<INFO

[rawabit] Ready.
  platform       http://127.0.0.1:${RAWABIT_PLATFORM_PORT:-8080}   sign in as a demo user, e.g. thimar-alkhair.relations-officer / demo-pass
  tenant-admin   http://127.0.0.1:${RAWABIT_ADMIN_PORT:-8081}   console: tenant admins (e.g. thimar-alkhair.tenant-admin), operator / demo-pass
  Keycloak       http://127.0.0.1:8180/admin   (admin / admin, dev only; demo users: deploy/keycloak/README.md)
  PostgreSQL     127.0.0.1:54329, database rawabit, data in $RAWABIT_HOME/postgres
Press Ctrl-C to stop.
INFO
wait -n "${pids[@]}"
