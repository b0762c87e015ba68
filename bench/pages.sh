#!/usr/bin/env bash
# Page benchmark (docs/benchmarks.md): the packaged console on a fresh database with realistic data, signed in
# through the real login form, each page loaded by wrk from a separate process; one table with a reference page
# (the sign-in page) measured in the same run.
#
#   bench/pages.sh [h2|postgresql]
#
# Settings (environment): CONNECTIONS (32), THREADS (2), DURATION (10s), WARMUP (5s; 0 for none, so that each page meets a JVM warmed only by the pages before it), PORT (28431),
# DRAFTS_PER_ADMIN (10, for 50 administrators), SUBMITTED_PER_ADMIN (3), AUDIT_ROWS (extra audit events:
# 1000000 on postgresql, 0 on h2), SKIP_BUILD=1 to reuse target/, PGPORT (55432) for the private PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-h2}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-28431}
PGPORT=${PGPORT:-55432}
DRAFTS_PER_ADMIN=${DRAFTS_PER_ADMIN:-10}
SUBMITTED_PER_ADMIN=${SUBMITTED_PER_ADMIN:-3}
WORK=$PWD/target/bench-pages
BASE=http://127.0.0.1:$PORT
PASSWORD=bench-password-1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# wrk, from Debian's packages, when missing
if ! command -v wrk >/dev/null; then
  as_root apt-get install -y wrk >/dev/null
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "Building the jar and the benchmark classes..."
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q -Pbenchmark test-compile
fi
JAR=$(ls target/ml-governance-console-*.jar | grep -v -- '-plain' | head -1)

rm -rf "$WORK"
mkdir -p "$WORK"
APP_PID=
PG_CTL=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$PG_CTL" ]; then run_pg "$PG_CTL" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$DB" in
  h2)
    URL="jdbc:h2:file:$WORK/db/mlgov;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    DB_USER=sa; DB_PASSWORD=-
    AUDIT_ROWS=${AUDIT_ROWS:-0}
    APP_DB=(--spring.datasource.url="$URL" --spring.datasource.username=sa --spring.datasource.password=)
    ;;
  postgresql)
    # A private cluster under target/, on its own port: nothing outside the work directory is touched.
    if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
      as_root apt-get install -y postgresql >/dev/null
    fi
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    PG_CTL=$PGBIN/pg_ctl
    mkdir -p "$WORK/pg"
    if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/pg"; chmod o+x "$WORK" "$PWD/target"; fi
    run_pg "$PGBIN/initdb" -D "$WORK/pg" -U mlgov --auth=trust -E UTF8 >/dev/null
    run_pg "$PG_CTL" -D "$WORK/pg" -o "-p $PGPORT -k $WORK/pg -c max_connections=100" -l "$WORK/pg/server.log" -w start >/dev/null
    run_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U mlgov mlgov
    URL="jdbc:postgresql://127.0.0.1:$PGPORT/mlgov"
    DB_USER=mlgov; DB_PASSWORD=mlgov
    AUDIT_ROWS=${AUDIT_ROWS:-1000000}
    APP_DB=(--spring.profiles.active=postgres --spring.datasource.url="$URL" --spring.datasource.username=mlgov
      --spring.datasource.password=mlgov)
    ;;
  *) echo "usage: $0 [h2|postgresql]" >&2; exit 2 ;;
esac

echo "Seeding $DB: 50 administrators x $DRAFTS_PER_ADMIN drafts ($SUBMITTED_PER_ADMIN submitted each), $AUDIT_ROWS extra audit events..."
./mvnw -B -q -Pbenchmark exec:exec@seed-pages -Dbenchmark.seed.url="$URL" -Dbenchmark.seed.user="$DB_USER" \
  -Dbenchmark.seed.password="$DB_PASSWORD" -Dbenchmark.seed.drafts="$DRAFTS_PER_ADMIN" \
  -Dbenchmark.seed.submitted="$SUBMITTED_PER_ADMIN" -Dbenchmark.seed.audit="$AUDIT_ROWS" | tee "$WORK/seed.log"
DRAFT_ID=$(sed -n 's/^draft-id=//p' "$WORK/seed.log")
REVIEW_ID=$(sed -n 's/^review-id=//p' "$WORK/seed.log")

if curl -s -o /dev/null "$BASE/"; then echo "Port $PORT is in use: set PORT" >&2; exit 1; fi
echo "Starting $JAR..."
java -jar "$JAR" --server.port="$PORT" "${APP_DB[@]}" --console.demo-users.enabled=false \
  --console.aws.enabled=false >"$WORK/console.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  if grep -q 'Started ConsoleApplication' "$WORK/console.log"; then break; fi
  if ! kill -0 "$APP_PID" 2>/dev/null; then echo "The console did not start: $WORK/console.log" >&2; exit 1; fi
  sleep 0.5
done
STARTED=$(grep -o 'Started ConsoleApplication in [0-9.]* seconds' "$WORK/console.log" | grep -o '[0-9.]*' || echo "?")

declare -A SESSIONS
sign_in() { # user -> JSESSIONID, through the login form (CSRF token, session cookie)
  local jar="$WORK/cookies-$1" token status
  token=$(curl -fs -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login")
  case "$status" in 302*error*|4*|5*) echo "sign-in of $1 failed: $status" >&2; exit 1 ;; esac
  awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1
}
for user in bench-admin-01 bench-reviewer bench-helpdesk; do SESSIONS[$user]=$(sign_in "$user"); done
# The reference is requested with a session of its own, as a browser would: without a cookie every request would
# create a session (the page's CSRF token lives in it).
curl -fs -o /dev/null -c "$WORK/cookies-anonymous" "$BASE/login"
SESSIONS[anonymous]=$(awk '$6 == "JSESSIONID" { print $7 }' "$WORK/cookies-anonymous" | tail -1)

# label | user (anonymous: not signed in) | path | text the page must contain
PAGES=(
  "/login (reference: sign-in page)|anonymous|/login|Sign in"
  "/ (Home)|bench-admin-01|/|Sign out"
  "/drafts (My drafts, $DRAFTS_PER_ADMIN drafts)|bench-admin-01|/drafts|team role"
  "/drafts/all (page 1 of all drafts)|bench-admin-01|/drafts/all|newest first"
  "/drafts/all?q=admin-07 (search)|bench-admin-01|/drafts/all?q=admin-07|admin-07 team role"
  "/drafts/{id}/steps/activities|bench-admin-01|/drafts/$DRAFT_ID/steps/activities|ML activities"
  "/drafts/{id}/steps/models|bench-admin-01|/drafts/$DRAFT_ID/steps/models|Generative models"
  "/drafts/{id}/steps/canvas|bench-admin-01|/drafts/$DRAFT_ID/steps/canvas|Canvas features"
  "/drafts/{id}/steps/review|bench-admin-01|/drafts/$DRAFT_ID/steps/review|ModelAccessGuardrails"
  "/catalog|bench-admin-01|/catalog|Data Scientist"
  "/catalog/models|bench-admin-01|/catalog/models|anthropic."
  "/reviews (queue, page 1)|bench-reviewer|/reviews|oldest first"
  "/reviews/{id} (AWS off)|bench-reviewer|/reviews/$REVIEW_ID|ModelAccessGuardrails"
  "/audit|bench-helpdesk|/audit|Events 1"
)

{
  echo "Database: $DB; $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION per page after a ${WARMUP} warm-up"
  echo "Packaged jar started in $STARTED s (Spring Boot's own figure, with the seeded database)"
  echo
  printf '| %-44s | %8s | %9s | %9s | %9s | %7s | %6s | %11s | %10s | %10s |\n' "Page" "req/s" "p50 ms" "p95 ms" "p99 ms" "KB" "errors" "p50 / ref" "CPU ms/req" "CPU / ref"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "---------:" "----------:" "----------:" "----------:" "--------:" "-------:" "------------:" "-----------:" "-----------:"
} | tee "$WORK/results.md"

# The console's CPU time (user + system, in clock ticks) from /proc: per request it is steadier than requests/s
# when something else shares the machine.
TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

REF_P50=
REF_CPU=
for entry in "${PAGES[@]}"; do
  IFS='|' read -r label user path marker <<<"$entry"
  header=()
  if [ "$user" != - ]; then header=(-H "Cookie: JSESSIONID=${SESSIONS[$user]}"); fi
  body=$(curl -s "${header[@]}" -w '\n%{http_code}' "$BASE$path")
  code=${body##*$'\n'}
  if [ "$code" != 200 ] || ! grep -q "$marker" <<<"$body"; then
    echo "$path answered $code without \"$marker\"" >&2; exit 1
  fi
  kb=$(( ${#body} / 1024 ))
  if [ "${WARMUP%s}" != 0 ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${header[@]}" "$BASE$path" >/dev/null
  fi
  ticks_before=$(cpu_ticks)
  read -r _ rps p50 p95 p99 errors requests < <(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    "${header[@]}" -s bench/report.lua "$BASE$path" | grep '^RESULT')
  ticks_after=$(cpu_ticks)
  # Still the page after the load (wrk counts only answers of 400 and more as errors: a session that ended would
  # have turned the rest of the run into quick redirects to the sign-in page).
  body=$(curl -s "${header[@]}" -w '\n%{http_code}' "$BASE$path")
  code=${body##*$'\n'}
  if [ "$code" != 200 ] || ! grep -q "$marker" <<<"$body"; then
    echo "$path answered $code without \"$marker\" after its run" >&2; exit 1
  fi
  cpu=$(awk -v t="$((ticks_after - ticks_before))" -v ms="$TICK_MS" -v n="$requests" 'BEGIN { printf "%.2f", t * ms / n }')
  if [ -z "$REF_P50" ]; then REF_P50=$p50; REF_CPU=$cpu; fi
  ratio=$(awk -v a="$p50" -v b="$REF_P50" 'BEGIN { printf "%.2f", a / b }')
  cpu_ratio=$(awk -v a="$cpu" -v b="$REF_CPU" 'BEGIN { printf "%.2f", a / b }')
  printf '| %-44s | %8s | %9s | %9s | %9s | %7s | %6s | %11s | %10s | %10s |\n' "$label" "$rps" "$p50" "$p95" "$p99" "$kb" \
    "$errors" "$ratio" "$cpu" "$cpu_ratio" | tee -a "$WORK/results.md"
done
echo
echo "Table also in $WORK/results.md; the console's log in $WORK/console.log."
