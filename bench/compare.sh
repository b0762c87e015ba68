#!/usr/bin/env bash
# Two builds of the console side by side (docs/benchmarks.md, "Comparing two builds"): both jars run at once on copies
# of the database a previous `bench/pages.sh h2` run seeded, each page is warmed on both, then measured on one and the
# other in turn, RUNS times. On a machine whose speed drifts from minute to minute (a shared virtual machine) this
# compares two builds far more steadily than two bench/pages.sh runs one after the other.
#
#   bench/compare.sh BEFORE.jar AFTER.jar
#
# Settings (environment): CONNECTIONS (32), DURATION (5s, per measurement), WARMUP (8s, per page and jar), RUNS (3),
# PORT_A (28441), PORT_B (28442), ONLY (a regular expression: only the pages whose path matches). Reports the console's CPU milliseconds per request (user + system, from /proc) for
# each run, and requests/s.
set -euo pipefail
cd "$(dirname "$0")/.."

A=${1:?usage: $0 BEFORE.jar AFTER.jar}
B=${2:?usage: $0 BEFORE.jar AFTER.jar}
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-8s}
RUNS=${RUNS:-3}
PORT_A=${PORT_A:-28441}
PORT_B=${PORT_B:-28442}
SEEDED=$PWD/target/bench-pages
WORK=$PWD/target/bench-compare
PASSWORD=bench-password-1

if [ ! -f "$SEEDED/db/mlgov.mv.db" ] || [ ! -f "$SEEDED/seed.log" ]; then
  echo "No seeded database in $SEEDED: run bench/pages.sh h2 first" >&2; exit 1
fi
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
DRAFT_ID=$(sed -n 's/^draft-id=//p' "$SEEDED/seed.log")
REVIEW_ID=$(sed -n 's/^review-id=//p' "$SEEDED/seed.log")

rm -rf "$WORK"; mkdir -p "$WORK"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

declare -A PID SESSION
start() { # name jar port
  cp -r "$SEEDED/db" "$WORK/db-$1"
  java -jar "$2" --server.port="$3" \
    --spring.datasource.url="jdbc:h2:file:$WORK/db-$1/mlgov;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --spring.datasource.username=sa --spring.datasource.password= --console.demo-users.enabled=false \
    --console.aws.enabled=false >"$WORK/console-$1.log" 2>&1 &
  PID[$1]=$!
  PIDS+=("$!")
}
sign_in() { # name port user -> JSESSIONID (anonymous: a session of its own, as bench/pages.sh)
  local jar="$WORK/cookies-$1-$3" base="http://127.0.0.1:$2" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
  if [ "$3" != anonymous ]; then
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$3" --data-urlencode "password=$PASSWORD" \
      --data-urlencode "_csrf=$token" "$base/login"
  fi
  awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1
}
start a "$A" "$PORT_A"
start b "$B" "$PORT_B"
for name in a b; do
  for _ in $(seq 1 240); do
    if grep -q 'Started ConsoleApplication' "$WORK/console-$name.log"; then break; fi
    if ! kill -0 "${PID[$name]}" 2>/dev/null; then echo "$name did not start: $WORK/console-$name.log" >&2; exit 1; fi
    sleep 0.5
  done
done
for user in anonymous bench-admin-01 bench-reviewer bench-helpdesk; do
  SESSION[a-$user]=$(sign_in a "$PORT_A" "$user")
  SESSION[b-$user]=$(sign_in b "$PORT_B" "$user")
done

TICK_MS=$(awk -v hz="$(getconf CLK_TCK)" 'BEGIN { print 1000 / hz }')
measure() { # name port user path duration -> "cpu-ms-per-request requests-per-second"
  local stat="/proc/${PID[$1]}/stat" before after out
  before=$(awk '{ print $14 + $15 }' "$stat")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$5" -H "Cookie: JSESSIONID=${SESSION[$1-$3]}" "http://127.0.0.1:$2$4")
  after=$(awk '{ print $14 + $15 }' "$stat")
  awk -v t="$((after - before))" -v ms="$TICK_MS" -v n="$(awk '/requests in/ { print $1 }' <<<"$out")" \
    -v rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" 'BEGIN { printf "%.2f %.0f\n", t * ms / n, rps }'
}

PAGES=(
  "anonymous|/login"
  "bench-admin-01|/"
  "bench-admin-01|/drafts"
  "bench-admin-01|/drafts/all"
  "bench-admin-01|/drafts/all?q=admin-07"
  "bench-admin-01|/drafts/$DRAFT_ID/steps/activities"
  "bench-admin-01|/drafts/$DRAFT_ID/steps/models"
  "bench-admin-01|/drafts/$DRAFT_ID/steps/canvas"
  "bench-admin-01|/drafts/$DRAFT_ID/steps/review"
  "bench-admin-01|/catalog/models"
  "bench-reviewer|/reviews"
  "bench-reviewer|/reviews/$REVIEW_ID"
  "bench-helpdesk|/audit"
)
{
  echo "A: $A; B: $B; wrk -t2 -c$CONNECTIONS, $RUNS runs of $DURATION each, A and B in turn, after $WARMUP on each"
  echo
  echo "| Page | A: CPU ms/req | B: CPU ms/req | B / A (medians) | A: req/s | B: req/s |"
  echo "|---|---|---|---:|---|---|"
} | tee "$WORK/results.md"
for entry in "${PAGES[@]}"; do
  IFS='|' read -r user path <<<"$entry"
  if [ -n "${ONLY:-}" ] && ! grep -Eq -- "$ONLY" <<<"$path"; then continue; fi
  measure a "$PORT_A" "$user" "$path" "$WARMUP" >/dev/null
  measure b "$PORT_B" "$user" "$path" "$WARMUP" >/dev/null
  cpu_a=(); cpu_b=(); rps_a=(); rps_b=()
  for _ in $(seq 1 "$RUNS"); do
    read -r c r < <(measure a "$PORT_A" "$user" "$path" "$DURATION"); cpu_a+=("$c"); rps_a+=("$r")
    read -r c r < <(measure b "$PORT_B" "$user" "$path" "$DURATION"); cpu_b+=("$c"); rps_b+=("$r")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
  ratio=$(awk -v a="$(median "${cpu_a[@]}")" -v b="$(median "${cpu_b[@]}")" 'BEGIN { printf "%.2f", b / a }')
  echo "| $path | ${cpu_a[*]} | ${cpu_b[*]} | $ratio | ${rps_a[*]} | ${rps_b[*]} |" | tee -a "$WORK/results.md"
done
echo
echo "Table also in $WORK/results.md."
