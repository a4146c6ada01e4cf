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
#   BENCH_JFR=1         record the service with JDK Flight Recorder into target/bench/service.jfr
#   BENCH_SERVICE_OPTS  extra JVM options for the service (e.g. -Xmx2g)
# Logs and the recording land in target/bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT=target/bench
mkdir -p "$OUT"

log() { printf '[bench] %s\n' "$*" >&2; }

# --- build ------------------------------------------------------------------------------------
# The jar is always rebuilt unless asked not to: a benchmark of a stale jar measures the wrong code.
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
  log "building target/habitus.jar"
  ./mvnw -q -B package -DskipTests
fi
# The service runs from a copy, so that a rebuild during the run cannot pull the jar from under it.
cp target/habitus.jar "$OUT/habitus.jar"
# The benchmark uses only libraries (Jackson, pgjdbc), not the service's classes: it is compiled on
# its own against the test classpath, so that a test elsewhere that does not compile cannot stop it.
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" ]]; then
  log "resolving the test classpath"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
fi
CLASSPATH_LIBS="$(cat "$OUT/classpath.txt")"
rm -rf "$OUT/classes"
log "compiling the benchmark"
"$JAVA_HOME/bin/javac" -nowarn -d "$OUT/classes" -cp "$CLASSPATH_LIBS" \
  src/test/java/io/habitus/bench/*.java

# --- database ---------------------------------------------------------------------------------
if [[ -n "${BENCH_JDBC_URL:-}" ]]; then
  JDBC_URL="$BENCH_JDBC_URL"
  JDBC_USER="${BENCH_JDBC_USER:?BENCH_JDBC_USER is needed with BENCH_JDBC_URL}"
  JDBC_PASSWORD="${BENCH_JDBC_PASSWORD:?BENCH_JDBC_PASSWORD is needed with BENCH_JDBC_URL}"
  log "using $JDBC_URL as given (it should be an empty database: the benchmark writes millions of rows)"
else
  if [[ $EUID -ne 0 ]]; then
    echo "bench/ingest.sh: run as root to use the local PostgreSQL, or set BENCH_JDBC_URL/_USER/_PASSWORD" >&2
    exit 2
  fi
  JDBC_USER=habitus_bench
  JDBC_PASSWORD=habitus-bench
  JDBC_URL="jdbc:postgresql://127.0.0.1:5432/habitus_bench"
  rc=0; pg_ctlcluster 15 main start || rc=$?
  if [[ $rc -ne 0 && $rc -ne 2 ]]; then   # 2: already running
    echo "bench/ingest.sh: pg_ctlcluster 15 main start failed ($rc)" >&2
    exit 1
  fi
  # A fresh database per run: earlier runs' rows would make indexes bigger and runs incomparable.
  log "recreating database habitus_bench (role $JDBC_USER)"
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
drop database if exists habitus_bench with (force);
drop role if exists $JDBC_USER;
create role $JDBC_USER login password '$JDBC_PASSWORD';
create database habitus_bench owner $JDBC_USER;
SQL
  # A write benchmark on the default 1 GB of WAL spends its time in forced checkpoints (service and
  # COPY alike); give the local server the headroom any ingest-heavy deployment would have.
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
alter system set max_wal_size = '8GB';
alter system set checkpoint_timeout = '15min';
select pg_reload_conf();
SQL
fi

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
# shellcheck source=bench/service.sh
source bench/service.sh
start_service "$PORT" "$OUT/habitus.jar" "$OUT/service.log" "$OUT/service.jfr"

# --- benchmark --------------------------------------------------------------------------------
# The load generator gets a small fixed heap: it must not compete with the service for memory.
status=0
"$JAVA" -Xms512m -Xmx1g -cp "$OUT/classes:$CLASSPATH_LIBS" \
  io.habitus.bench.IngestBenchmark \
  --url="http://127.0.0.1:$PORT" --token="$TOKEN" --service-pid="$SERVICE_PID" \
  --jdbc-url="$JDBC_URL" --jdbc-user="$JDBC_USER" --jdbc-password="$JDBC_PASSWORD" \
  "$@" | tee "$OUT/result.txt" || status=$?

if [[ "${BENCH_JFR:-}" == 1 ]]; then
  stop_service   # dumponexit writes the recording
  log "JFR recording: $OUT/service.jfr  (try: jfr print --events jdk.ExecutionSample $OUT/service.jfr | less)"
fi
exit "$status"
