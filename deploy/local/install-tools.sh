#!/usr/bin/env bash
# Installs the Debian servers the tests and benchmarks run for real, once: Redis (shared sessions and
# limits across replicas), nginx with nchan (the fan-out peer and the test load balancer), wrk and
# pgbench (the intake peer). Does nothing when they are all there. Needs root (CI runs as root) or sudo.
set -euo pipefail

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
{ command -v nginx >/dev/null && ls /usr/lib/nginx/modules/ngx_nchan_module.so >/dev/null 2>&1; } \
  || missing+=(nginx-light libnginx-mod-nchan)
command -v wrk >/dev/null || missing+=(wrk)
command -v pgbench >/dev/null || missing+=(postgresql-client)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts the packaged services; tests start their own on free ports.
"${as_root[@]}" service nginx stop >/dev/null 2>&1 || true
"${as_root[@]}" service redis-server stop >/dev/null 2>&1 || true
echo "Installed ${missing[*]}"
