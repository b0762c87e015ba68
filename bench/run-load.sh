#!/usr/bin/env bash
# Load benchmark of the packaged console (issue 13; docs/benchmarks.md#load). Not a test: run it by hand.
#
#   bench/run-load.sh [h2|postgres|both]      (default: both)
#   bench/run-load.sh flood                    (H2: Home's latency alone and during a flood of wrong Basic credentials)
#
# Environment: CLIENTS (32), DURATION (60 seconds measured), WARMUP (10), PORT (18080).
# PostgreSQL: BENCH_PG_URL, BENCH_PG_USER, BENCH_PG_PASSWORD name an empty database to use; without them the script
# runs a private throwaway cluster from Debian's postgresql package (installed with apt-get if missing, as root).
# Results: target/bench/load-<database>.txt (the generator's report) and load-<database>-console.log.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
CLIENTS=${CLIENTS:-32}
SECONDS_MEASURED=${DURATION:-60}
WARMUP=${WARMUP:-10}
PORT=${PORT:-18080}
out=target/bench
mkdir -p "$out"

jar=$(ls target/ml-governance-console-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z "$jar" || -n "$(find src/main pom.xml -newer "$jar" -type f | head -1)" ]]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/ml-governance-console-*.jar | grep -v plain | head -1)
fi
echo "jar: $jar"

wait_for_console() {
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "the console did not start; see $1" >&2
  return 1
}

run() {
  local database=$1; shift
  local workdir; workdir=$(mktemp -d)
  local log="$PWD/$out/load-$database-console.log"
  echo "== $database: starting the console in $workdir"
  (cd "$workdir" && exec java -jar "$OLDPWD/$jar" --server.port="$PORT" "$@") >"$log" 2>&1 &
  local pid=$!
  wait_for_console "$log" || { kill "$pid"; return 1; }
  local status=0
  java bench/LoadGenerator.java --base "http://127.0.0.1:$PORT" --user "$BENCH_USER" --clients "$CLIENTS" \
    --seconds "$SECONDS_MEASURED" --warmup "$WARMUP" ${FLOOD:+--flood "$FLOOD"} | tee "$out/load-$database.txt" \
    || status=$?
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$workdir"
  return $status
}

# A private, throwaway PostgreSQL cluster (Debian's postgresql package, installed if missing): initdb in a temporary
# directory, on port PG_PORT (15432), stopped and deleted at the end. Nothing of the machine's own clusters is touched.
postgres_database() {
  if [[ -n "${BENCH_PG_URL:-}" ]]; then return; fi
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  local port=${PG_PORT:-15432}
  pg_dir=$(mktemp -d)
  local as=()
  if [[ $(id -u) == 0 ]]; then chown postgres "$pg_dir"; as=(su postgres -s /bin/bash -c); else as=(bash -c); fi
  "${as[@]}" "$bin/initdb -D $pg_dir/data -A trust -U postgres >$pg_dir/initdb.log"
  "${as[@]}" "$bin/pg_ctl -D $pg_dir/data -o '-p $port -k $pg_dir -c fsync=on' -l $pg_dir/server.log -w start >/dev/null"
  "${as[@]}" "$bin/psql -h 127.0.0.1 -p $port -U postgres -q -c \"create role mlgov_bench login password 'bench-only-password'\" -c \"create database mlgov_bench owner mlgov_bench\""
  BENCH_PG_URL=jdbc:postgresql://127.0.0.1:$port/mlgov_bench
  BENCH_PG_USER=mlgov_bench
  BENCH_PG_PASSWORD=bench-only-password
}

stop_postgres() {
  if [[ -n "${pg_dir:-}" ]]; then
    local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [[ $(id -u) == 0 ]]; then
      su postgres -s /bin/bash -c "$bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null || true
    else
      "$bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null || true
    fi
    rm -rf "$pg_dir"
  fi
}

result=0
if [[ "$which" == flood ]]; then
  FLOOD=${FLOOD:-16} SECONDS_MEASURED=${DURATION:-30} BENCH_USER=admin:admin-pass run flood || result=1
fi
if [[ "$which" == h2 || "$which" == both ]]; then
  BENCH_USER=admin:admin-pass run h2 || result=1
fi
if [[ "$which" == postgres || "$which" == both ]]; then
  postgres_database
  trap stop_postgres EXIT
  BENCH_USER=bench-admin:bench-admin-password run postgres --spring.profiles.active=postgres \
    --spring.datasource.url="$BENCH_PG_URL" --spring.datasource.username="$BENCH_PG_USER" \
    --spring.datasource.password="$BENCH_PG_PASSWORD" \
    --console.bootstrap-admin.username=bench-admin --console.bootstrap-admin.password=bench-admin-password \
    || result=1
  stop_postgres
  trap - EXIT
fi
exit $result
