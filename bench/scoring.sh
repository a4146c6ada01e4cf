#!/usr/bin/env bash
# Scoring benchmark: scores/s and p50/p99 latency of POST /api/v1/score against a running service
# whose images have active models, at several concurrency levels, 1 and 10 events per request,
# commit=false and commit=true.
#
#   sudo bench/scoring.sh                    # defaults: clients 1, 4, 16; 15 s per phase; about 7 minutes
#   sudo bench/scoring.sh --clients=8 --events-per-request=1 --commit=false --duration=30s
#   bench/JfrProfile.java target/bench/scoring-service.jfr --from=… --to=…   (after BENCH_JFR=1: CPU per step)
#   bench/scoring.sh --help
#
# Flags go to ScoringBenchmark. Environment:
#   BENCH_JDBC_URL, BENCH_JDBC_USER, BENCH_JDBC_PASSWORD
#                       use this (empty, throwaway) database instead of the local PostgreSQL 15
#   BENCH_PORT          the service's port (default 18081)
#   BENCH_SKIP_BUILD=1  reuse target/habitus.jar (and the resolved classpath) as they are
#   BENCH_JFR=1         record the service with JDK Flight Recorder into target/bench/scoring-service.jfr
#   BENCH_SERVICE_OPTS  extra JVM options for the service (e.g. -Xmx2g)
# Logs land in target/bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench
mkdir -p "$OUT"
DB=habitus_bench_scoring

log() { printf '[bench] %s\n' "$*" >&2; }

for arg in "$@"; do
  if [[ "$arg" == --help ]]; then
    BENCH_HELP=1
  fi
done

# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- build ------------------------------------------------------------------------------------
build_benchmark "$OUT/scoring-habitus.jar" "$OUT/scoring-classes"
if [[ -n "${BENCH_HELP:-}" ]]; then
  "$JAVA" -cp "$OUT/scoring-classes:$CLASSPATH_LIBS" io.habitus.bench.ScoringBenchmark --help
  exit 0
fi

# --- load generator -------------------------------------------------------------------------
# wrk (C, an event loop per thread) takes a few percent of a core where the JDK client took half of
# one; without it the benchmark falls back to that client and says so.
if ! command -v wrk >/dev/null 2>&1; then
  if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk (Debian package) as the load generator"
    (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null || log "could not install wrk: using the JDK client"
  else
    log "wrk is not installed (apt-get install wrk): the load generator is the JDK client, which competes for the cores"
  fi
fi

# --- database ---------------------------------------------------------------------------------
bench_database "$DB" habitus-bench-scoring wal

# --- service ----------------------------------------------------------------------------------
PORT="${BENCH_PORT:-18081}"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench/scoring.sh: port $PORT is in use (set BENCH_PORT)" >&2
  exit 1
fi
start_service "$PORT" "$OUT/scoring-habitus.jar" "$OUT/scoring-service.log" "$OUT/scoring-service.jfr"

# --- benchmark --------------------------------------------------------------------------------
# The load generator gets a small fixed heap: it must not compete with the service for memory.
status=0
"$JAVA" -Xms256m -Xmx1g -cp "$OUT/scoring-classes:$CLASSPATH_LIBS" \
  io.habitus.bench.ScoringBenchmark \
  --url="http://127.0.0.1:$PORT" --token="$TOKEN" --service-pid="$SERVICE_PID" \
  "$@" | tee "$OUT/scoring-result.txt" || status=$?

if [[ "${BENCH_JFR:-}" == 1 ]]; then
  stop_service   # dumponexit writes the recording
  log "JFR recording: $OUT/scoring-service.jfr"
fi
exit "$status"
