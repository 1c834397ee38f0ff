#!/usr/bin/env bash
# Make sure a PostgreSQL server answers for the multi-kiosk tests (KIOSK_TEST_PG,
# default 127.0.0.1:5432, user postgres). Starts the machine's own cluster when it
# is installed but stopped; installs Debian's server when there is none and we are root.
set -uo pipefail
HOST=127.0.0.1 PORT=5432

answers() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

command -v pg_isready >/dev/null 2>&1 && answers && exit 0
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "PostgreSQL is not installed; its tests will be skipped (install postgresql)." >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  installed_here=1
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
if [[ ${installed_here:-0} == 1 ]]; then
  # a server we just installed for the tests: let them connect as postgres over loopback
  hba=/etc/postgresql/$version/main/pg_hba.conf
  sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
fi
if [[ $(id -u) -eq 0 ]]; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do answers && break; sleep 1; done
fi
if answers; then exit 0; fi
echo "PostgreSQL does not answer on $HOST:$PORT; its tests will be skipped." >&2
exit 1
