#!/usr/bin/env bash
# Measures cold start: from launching the packaged jar to (1) the web app's index served and (2) /api/health
# answering 200, on a fresh H2 data directory (migrations run) and then again on the same directory.
# Usage: server/bench/cold-start.sh [runs]   (after mvn -q -DskipTests package)
set -euo pipefail
runs=${1:-5}
jar="$(cd "$(dirname "$0")/.." && pwd)/target/colearn.jar"
port=18931
ms() { echo $(( ($2 - $1) / 1000000 )); }

measure() {
  local dir=$1 start page api pid
  start=$(date +%s%N)
  java -jar "$jar" --port=$port --data-dir="$dir" >"$dir.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.025; done
  page=$(date +%s%N)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/api/health"; do sleep 0.025; done
  api=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(ms "$start" "$page") $(ms "$start" "$api")"
}

echo "run fresh_page_ms fresh_api_ms existing_page_ms existing_api_ms"
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  fresh=$(measure "$dir/data")
  again=$(measure "$dir/data")
  echo "$i $fresh $again"
  rm -rf "$dir"
done
