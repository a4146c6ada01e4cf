#!/usr/bin/env bash
# Ingest benchmark: the service's events/s against a direct COPY into the same PostgreSQL.
#
#   bench/ingest.sh                          # defaults: clients 4 and 8, 500-event batches, 30 s per phase
#   bench/ingest.sh --clients=8 --duration=60s --gzip
#   BENCH_JFR=1 bench/ingest.sh              # also record a JFR profile of the service
#
# Flags go to IngestBenchmark (--help lists them). Environment:
#   BENCH_JDBC_URL, BENCH_JDBC_USER, BENCH_JDBC_PASSWORD
#                       use this (empty, throwaway) database instead of the local PostgreSQL 15
#   BENCH_SKIP_BUILD=1  reuse target/habitus.jar (and the resolved classpath) as they are
#   BENCH_JFR=1         record the services with JDK Flight Recorder into target/bench/service.jfr (and service-alerts.jfr)
#   BENCH_SERVICE_OPTS  extra JVM options for the service (e.g. -Xmx2g)
#   BENCH_ALERTS=0      skip the alert phases: no second service with sinks, no receiver
# Logs and the recording land in target/bench/.
#
# Alerts: a second service starts on the same database with two alert sinks (a signed webhook and
# Alertmanager) pointed at a small local receiver (io.habitus.bench.SinkReceiver, answers 200), and
# both services run with a 1 s audit dedup window, so that most deviations open new audits. The judged
# fleet with --deviations (default 0.2 %) intruder execs is then measured through the service without
# sinks and through the one with sinks, in turn, and the ratio printed.
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench
mkdir -p "$OUT"

log() { printf '[bench] %s\n' "$*" >&2; }

# shellcheck source=bench/lib.sh
source bench/lib.sh

# --- build ------------------------------------------------------------------------------------
build_benchmark "$OUT/habitus.jar" "$OUT/classes"
# --help lists the benchmark's flags without recreating a database or starting a service.
for arg in "$@"; do
  if [[ "$arg" == --help ]]; then
    "$JAVA" -cp "$OUT/classes:$CLASSPATH_LIBS" io.habitus.bench.IngestBenchmark --help
    exit 0
  fi
done

# --- database ---------------------------------------------------------------------------------
bench_database habitus_bench habitus-bench wal

# --- service ----------------------------------------------------------------------------------
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "bench/ingest.sh: no free port found" >&2
  exit 1
}
PORT=$(free_port)
ALERT_ARGS=()
if [[ "${BENCH_ALERTS:-1}" != 0 ]]; then
  export HABITUS_AUDIT_DEDUP_WINDOW=1s
fi
start_service "$PORT" "$OUT/habitus.jar" "$OUT/service.log" "$OUT/service.jfr"

if [[ "${BENCH_ALERTS:-1}" != 0 ]]; then
  RECEIVER_PORT=$(free_port)
  log "starting the alert receiver on port $RECEIVER_PORT (log: $OUT/receiver.log)"
  "$JAVA" -Xms32m -Xmx128m -cp "$OUT/classes:$CLASSPATH_LIBS" io.habitus.bench.SinkReceiver --port="$RECEIVER_PORT" \
    >"$OUT/receiver.log" 2>&1 &
  HELPER_PIDS+=($!)
  ALERTS_PORT=$(free_port)
  export HABITUS_ALERTS_SINKS_0_NAME=bench-webhook HABITUS_ALERTS_SINKS_0_TYPE=WEBHOOK \
    HABITUS_ALERTS_SINKS_0_URL="http://127.0.0.1:$RECEIVER_PORT/webhook" HABITUS_ALERTS_SINKS_0_SECRET=bench-hmac-key \
    HABITUS_ALERTS_SINKS_1_NAME=bench-alertmanager HABITUS_ALERTS_SINKS_1_TYPE=ALERTMANAGER \
    HABITUS_ALERTS_SINKS_1_URL="http://127.0.0.1:$RECEIVER_PORT/api/v2/alerts" \
    SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE=2   # idle between its phases: few connections held
  start_service "$ALERTS_PORT" "$OUT/habitus.jar" "$OUT/service-alerts.log" "$OUT/service-alerts.jfr"
  unset HABITUS_ALERTS_SINKS_0_NAME HABITUS_ALERTS_SINKS_0_TYPE HABITUS_ALERTS_SINKS_0_URL HABITUS_ALERTS_SINKS_0_SECRET \
    HABITUS_ALERTS_SINKS_1_NAME HABITUS_ALERTS_SINKS_1_TYPE HABITUS_ALERTS_SINKS_1_URL SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE
  ALERT_ARGS=(--alerts-url="http://127.0.0.1:$ALERTS_PORT" --alerts-pid="$SERVICE_PID")
  SERVICE_PID=${SERVICE_PIDS[0]}
fi

# --- benchmark --------------------------------------------------------------------------------
# The load generator gets a small fixed heap: it must not compete with the service for memory.
status=0
"$JAVA" -Xms512m -Xmx1g -cp "$OUT/classes:$CLASSPATH_LIBS" \
  io.habitus.bench.IngestBenchmark \
  --url="http://127.0.0.1:$PORT" --token="$TOKEN" --service-pid="$SERVICE_PID" \
  --jdbc-url="$JDBC_URL" --jdbc-user="$JDBC_USER" --jdbc-password="$JDBC_PASSWORD" \
  ${ALERT_ARGS[@]+"${ALERT_ARGS[@]}"} "$@" | tee "$OUT/result.txt" || status=$?

if [[ "${BENCH_JFR:-}" == 1 ]]; then
  stop_service   # dumponexit writes the recording
  log "JFR recording: $OUT/service.jfr  (try: jfr print --events jdk.ExecutionSample $OUT/service.jfr | less)"
fi
exit "$status"
