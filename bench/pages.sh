#!/usr/bin/env bash
# Page benchmark (docs/benchmarks.md): the packaged console on a fresh database with realistic data, signed in
# through the real login form, each page loaded by wrk from a separate process; one table with two references
# measured in the same run: a plain Spring Boot + Thymeleaf page of another application (bench/plain: an owner's
# page in the make of spring-petclinic's, Spring Data JPA and H2) and the console's own sign-in page.
#
#   bench/pages.sh [h2|postgresql]
#
# Settings (environment): CONNECTIONS (32), THREADS (2), DURATION (10s), WARMUP (5s; 0 for none, so that each page
# meets a JVM warmed only by the pages before it), PLAIN_WARMUP (30s: the plain page has no pages before it),
# PORT (28431; the plain page on PORT + 1), DRAFTS_PER_ADMIN (10, for 50 administrators), SUBMITTED_PER_ADMIN (3),
# AUDIT_ROWS (extra audit events: 1000000 on postgresql, 0 on h2), SKIP_BUILD=1 to reuse target/ and
# bench/plain/target/, PLAIN=0 to leave the plain page out, ONLY=<extended regex> to measure only the pages whose
# label matches (the sign-in page always), PGPORT (55432) for the private PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${1:-h2}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
PORT=${PORT:-28431}
PLAIN=${PLAIN:-1}
PLAIN_PORT=$((PORT + 1))
PLAIN_WARMUP=${PLAIN_WARMUP:-30s}
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
  if [ "$PLAIN" = 1 ]; then ./mvnw -B -q -f bench/plain/pom.xml package; fi
fi
JAR=$(ls target/ml-governance-console-*.jar | grep -v -- '-plain' | head -1)
PLAIN_JAR=bench/plain/target/plain-page.jar

rm -rf "$WORK"
mkdir -p "$WORK"
APP_PID=
PLAIN_PID=
PG_CTL=
stop() { if [ -n "$1" ]; then kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; fi; }
cleanup() {
  stop "$PLAIN_PID"
  stop "$APP_PID"
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

# Starts a jar and waits for Spring Boot's "Started" line: start_jar LOG NAME JAR ARGS...; sets STARTED_PID.
start_jar() {
  local log=$1 name=$2
  shift 2
  java -jar "$@" >"$log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 1 240); do
    if grep -q "Started $name" "$log"; then return; fi
    if ! kill -0 "$STARTED_PID" 2>/dev/null; then echo "$name did not start: $log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name did not start within two minutes: $log" >&2; exit 1
}
started_in() { grep -o "Started $2 in [0-9.]* seconds" "$1" | awk '{ print $4 }' | head -1; }

# The process's CPU time (user + system, in clock ticks) from /proc: per request it is steadier than requests/s when
# something else shares the machine.
TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# The page answers 200 with its marker text: check_page URL MARKER [curl options...]; sets KB.
check_page() {
  local url=$1 marker=$2 body code
  shift 2
  body=$(curl -s "$@" -w '\n%{http_code}' "$url")
  code=${body##*$'\n'}
  if [ "$code" != 200 ] || ! grep -q "$marker" <<<"$body"; then
    echo "$url answered $code without \"$marker\"" >&2; return 1
  fi
  KB=$(( ${#body} / 1024 ))
}

# Loads one page with wrk, after a warm-up: measure PID URL MARKER WARMUP [header options...]; sets RPS P50 P95 P99
# ERRORS CPU (ms per request) and KB.
measure() {
  local pid=$1 url=$2 marker=$3 warmup=$4 ticks_before ticks_after requests
  shift 4
  check_page "$url" "$marker" "$@"
  if [ "${warmup%s}" != 0 ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$warmup" "$@" "$url" >/dev/null
  fi
  ticks_before=$(cpu_ticks "$pid")
  read -r _ RPS P50 P95 P99 ERRORS requests < <(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s \
    "$@" -s bench/report.lua "$url" | grep '^RESULT')
  ticks_after=$(cpu_ticks "$pid")
  # Still the page after the load (wrk counts only answers of 400 and more as errors: a session that ended would
  # have turned the rest of the run into quick redirects to the sign-in page).
  check_page "$url" "$marker" "$@" || { echo "(after its run)" >&2; return 1; }
  CPU=$(awk -v t="$((ticks_after - ticks_before))" -v ms="$TICK_MS" -v n="$requests" 'BEGIN { printf "%.2f", t * ms / n }')
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }

if curl -s -o /dev/null "$BASE/"; then echo "Port $PORT is in use: set PORT" >&2; exit 1; fi

# The plain page first, alone on the machine, then stopped.
PLAIN_RPS=
PLAIN_CPU=
if [ "$PLAIN" = 1 ]; then
  if curl -s -o /dev/null "http://127.0.0.1:$PLAIN_PORT/"; then echo "Port $PLAIN_PORT is in use: set PORT" >&2; exit 1; fi
  echo "Starting $PLAIN_JAR and measuring its /owners/1 after a $PLAIN_WARMUP warm-up..."
  start_jar "$WORK/plain.log" PlainPageApplication "$PLAIN_JAR" --server.port="$PLAIN_PORT"
  PLAIN_PID=$STARTED_PID
  PLAIN_STARTED=$(started_in "$WORK/plain.log" PlainPageApplication)
  measure "$PLAIN_PID" "http://127.0.0.1:$PLAIN_PORT/owners/1" "Pets and Visits" "$PLAIN_WARMUP"
  PLAIN_RPS=$RPS; PLAIN_CPU=$CPU
  PLAIN_ROW=("$RPS" "$P50" "$P95" "$P99" "$KB" "$ERRORS" "$CPU")
  stop "$PLAIN_PID"; PLAIN_PID=
fi

echo "Seeding $DB: 50 administrators x $DRAFTS_PER_ADMIN drafts ($SUBMITTED_PER_ADMIN submitted each), $AUDIT_ROWS extra audit events..."
./mvnw -B -q -Pbenchmark exec:exec@seed-pages -Dbenchmark.seed.url="$URL" -Dbenchmark.seed.user="$DB_USER" \
  -Dbenchmark.seed.password="$DB_PASSWORD" -Dbenchmark.seed.drafts="$DRAFTS_PER_ADMIN" \
  -Dbenchmark.seed.submitted="$SUBMITTED_PER_ADMIN" -Dbenchmark.seed.audit="$AUDIT_ROWS" | tee "$WORK/seed.log"
DRAFT_ID=$(sed -n 's/^draft-id=//p' "$WORK/seed.log")
REVIEW_ID=$(sed -n 's/^review-id=//p' "$WORK/seed.log")

echo "Starting $JAR..."
start_jar "$WORK/console.log" ConsoleApplication "$JAR" --server.port="$PORT" "${APP_DB[@]}" \
  --console.demo-users.enabled=false --console.aws.enabled=false
APP_PID=$STARTED_PID
STARTED=$(started_in "$WORK/console.log" ConsoleApplication)

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

row() { # label rps p50 p95 p99 kb errors cpu cpu/sign-in cpu/plain plain-rps/rps
  printf '| %-44s | %8s | %8s | %8s | %8s | %6s | %6s | %10s | %9s | %9s | %17s |\n' "$@" | tee -a "$WORK/results.md"
}
{
  plain_warmup=; if [ "$PLAIN" = 1 ]; then plain_warmup=" (the plain page after $PLAIN_WARMUP)"; fi
  echo "Database: $DB; $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION per page after a $WARMUP warm-up$plain_warmup"
  plain_start=${PLAIN_STARTED:+; the plain page $PLAIN_STARTED s}
  echo "Packaged jars started in (Spring Boot's own figures): the console $STARTED s (seeded database)$plain_start"
  echo
  printf '| %-44s | %8s | %8s | %8s | %8s | %6s | %6s | %10s | %9s | %9s | %17s |\n' "Page" "req/s" "p50 ms" "p95 ms" \
    "p99 ms" "KB" "errors" "CPU ms/req" "CPU/login" "CPU/plain" "req/s plain/page"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------------------------------" "---------:" \
    "---------:" "---------:" "---------:" "-------:" "-------:" "-----------:" "----------:" "----------:" \
    "------------------:"
} | tee "$WORK/results.md"
if [ "$PLAIN" = 1 ]; then
  row "/owners/1 (plain page, bench/plain)" "${PLAIN_ROW[@]}" "-" "1.00" "1.00"
fi

REF_CPU=
for entry in "${PAGES[@]}"; do
  IFS='|' read -r label user path marker <<<"$entry"
  if [ -n "$REF_CPU" ] && [ -n "${ONLY:-}" ] && ! grep -Eq -- "$ONLY" <<<"$label"; then continue; fi
  measure "$APP_PID" "$BASE$path" "$marker" "$WARMUP" -H "Cookie: JSESSIONID=${SESSIONS[$user]}"
  if [ -z "$REF_CPU" ]; then REF_CPU=$CPU; fi
  row "$label" "$RPS" "$P50" "$P95" "$P99" "$KB" "$ERRORS" "$CPU" "$(ratio "$CPU" "$REF_CPU")" \
    "$(ratio "$CPU" "$PLAIN_CPU")" "$(ratio "$PLAIN_RPS" "$RPS")"
done
if [ "$PLAIN" = 1 ]; then
  echo "The plain page's CPU per request is $(ratio "$PLAIN_CPU" "$REF_CPU") of the sign-in page's." | tee -a "$WORK/results.md"
fi
echo
echo "Table also in $WORK/results.md; the logs in $WORK/ (console.log, plain.log)."
