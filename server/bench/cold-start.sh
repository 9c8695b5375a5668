#!/usr/bin/env bash
# Measures cold start: from launching the packaged jar to (1) the web app's index served, (2) /api/health answering
# 200 and (3) a real endpoint answering (POST /api/auth/login with a wrong password: 401, not 503 "starting"), on a
# fresh H2 data directory (migrations run) and then again on the same directory. Beside each, the CPU time (user +
# system) the server process had used when /api/health first answered, which a busy machine disturbs far less.
# Usage: server/bench/cold-start.sh [runs] [jar...]   (after mvn -q -DskipTests package)
# COLD_START_JAVA_OPTIONS: JVM options for every start (by default, with no jar named, the README's class data archive).
# With several jars, they are started alternately in every run (A, B, A, B, ...), so that each sees the same load;
# each jar needs its lib/ and plugins/ folders beside it, as the build leaves them.
set -euo pipefail
runs=${1:-5}
shift || true
jars=("$@")
if [ ${#jars[@]} -eq 0 ]; then
  # The README's run command, from the repository's root: the build's class data archive is valid only for the jar at
  # the path it was made with. COLD_START_JAVA_OPTIONS= (empty) measures the jar without it.
  cd "$(dirname "$0")/../.."
  jars=("server/target/colearn.jar")
  COLD_START_JAVA_OPTIONS=${COLD_START_JAVA_OPTIONS-"-XX:SharedArchiveFile=server/target/colearn.jsa"}
fi
port=${COLEARN_BENCH_PORT:-18931}
tick=$(getconf CLK_TCK)
ms() { echo $(( ($2 - $1) / 1000000 )); }
cpu_ms() { awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat"; }
login() {
  curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"email":"nobody@example.org","password":"not the password"}' "http://127.0.0.1:$port/api/auth/login"
}

measure() {
  local jar=$1 dir=$2 start page api cpu login_at pid
  start=$(date +%s%N)
  java ${COLD_START_JAVA_OPTIONS:-} -jar "$jar" --port=$port --data-dir="$dir" >>"$dir.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
  page=$(date +%s%N)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.02; done
  api=$(date +%s%N)
  cpu=$(cpu_ms "$pid")
  until [ "$(login)" = 401 ]; do sleep 0.02; done
  login_at=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(ms "$start" "$page") $(ms "$start" "$api") $(ms "$start" "$login_at") $cpu"
}

echo "run jar load fresh_page_ms fresh_api_ms fresh_login_ms fresh_cpu_ms existing_page_ms existing_api_ms existing_login_ms existing_cpu_ms"
for i in $(seq 1 "$runs"); do
  for jar in "${jars[@]}"; do
    dir=$(mktemp -d)
    load=$(cut -d' ' -f1 /proc/loadavg)
    fresh=$(measure "$jar" "$dir/data")
    again=$(measure "$jar" "$dir/data")
    echo "$i $jar $load $fresh $again"
    rm -rf "$dir"
  done
done
