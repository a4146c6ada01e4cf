#!/usr/bin/env bash
# Learning at fleet scale: time from POST …/learning {"action":"FINISH"} to a built, active profile
# and a queued training job, for images of 100, 1,000 and 10,000 containers (100 learning events
# each: 1 M at 10,000), fed through the ingest API.
#
#   sudo bench/finish.sh                               # about 5 minutes on 2 cores
#   sudo bench/finish.sh --containers=1000 --statistics=fresh
#   BENCH_JAR=target/bench/before.jar sudo bench/finish.sh --containers=100,1000   # another build
#   bench/finish.sh --help
#
# Flags go to FinishBenchmark. Environment:
#   BENCH_JDBC_URL, BENCH_JDBC_USER, BENCH_JDBC_PASSWORD
#                       use this (throwaway) database instead of the local PostgreSQL 15
#   BENCH_PORT          the service's port (default 18082)
#   BENCH_JAR           run this service jar instead of building target/habitus.jar
#   BENCH_SKIP_BUILD=1  reuse target/habitus.jar (and the resolved classpath) as they are
#   BENCH_JFR=1         record the service with JDK Flight Recorder into target/bench/finish-service.jfr
#   BENCH_SERVICE_OPTS  extra JVM options for the service (e.g. -Xmx2g)
# Logs land in target/bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench
mkdir -p "$OUT"
DB=habitus_bench_finish

log() { printf '[bench] %s\n' "$*" >&2; }

for arg in "$@"; do
  if [[ "$arg" == --help ]]; then
    BENCH_HELP=1
  fi
done

# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- build ------------------------------------------------------------------------------------
build_benchmark "$OUT/finish-habitus.jar" "$OUT/finish-classes"
if [[ -n "${BENCH_HELP:-}" ]]; then
  "$JAVA" -cp "$OUT/finish-classes:$CLASSPATH_LIBS" io.habitus.bench.FinishBenchmark --help
  exit 0
fi

# --- database ---------------------------------------------------------------------------------
bench_database "$DB" habitus-bench-finish

# --- service ----------------------------------------------------------------------------------
PORT="${BENCH_PORT:-18082}"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench/finish.sh: port $PORT is in use (set BENCH_PORT)" >&2
  exit 1
fi
start_service "$PORT" "$OUT/finish-habitus.jar" "$OUT/finish-service.log" "$OUT/finish-service.jfr"

# --- benchmark --------------------------------------------------------------------------------
# The load generator gets a small fixed heap: it must not compete with the service for memory.
status=0
"$JAVA" -Xms256m -Xmx1g -cp "$OUT/finish-classes:$CLASSPATH_LIBS" \
  io.habitus.bench.FinishBenchmark \
  --url="http://127.0.0.1:$PORT" --token="$TOKEN" \
  --jdbc-url="$JDBC_URL" --jdbc-user="$JDBC_USER" --jdbc-password="$JDBC_PASSWORD" \
  "$@" | tee "$OUT/finish-result.txt" || status=$?

if [[ "${BENCH_JFR:-}" == 1 ]]; then
  stop_service   # dumponexit writes the recording
  log "JFR recording: $OUT/finish-service.jfr"
fi
exit "$status"
