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

# --- build ------------------------------------------------------------------------------------
if [[ -n "${BENCH_JAR:-}" ]]; then
  log "service jar: $BENCH_JAR (as given)"
  cp "$BENCH_JAR" "$OUT/finish-habitus.jar"
else
  # The jar is always rebuilt unless asked not to: a benchmark of a stale jar measures the wrong code.
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
    log "building target/habitus.jar"
    ./mvnw -q -B package -DskipTests
  fi
  # The service runs from a copy, so that a rebuild during the run cannot pull the jar from under it.
  cp target/habitus.jar "$OUT/finish-habitus.jar"
fi
# The benchmark uses only libraries (Jackson, pgjdbc), not the service's classes: it is compiled on
# its own against the test classpath, so that a test elsewhere that does not compile cannot stop it.
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" ]]; then
  log "resolving the test classpath"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
fi
CLASSPATH_LIBS="$(cat "$OUT/classpath.txt")"
rm -rf "$OUT/finish-classes"
log "compiling the benchmark"
"$JAVA_HOME/bin/javac" -nowarn -proc:none -d "$OUT/finish-classes" -cp "$CLASSPATH_LIBS" \
  src/test/java/io/habitus/bench/*.java
if [[ -n "${BENCH_HELP:-}" ]]; then
  "$JAVA" -cp "$OUT/finish-classes:$CLASSPATH_LIBS" io.habitus.bench.FinishBenchmark --help
  exit 0
fi

# --- database ---------------------------------------------------------------------------------
if [[ -n "${BENCH_JDBC_URL:-}" ]]; then
  JDBC_URL="$BENCH_JDBC_URL"
  JDBC_USER="${BENCH_JDBC_USER:?BENCH_JDBC_USER is needed with BENCH_JDBC_URL}"
  JDBC_PASSWORD="${BENCH_JDBC_PASSWORD:?BENCH_JDBC_PASSWORD is needed with BENCH_JDBC_URL}"
  log "using $JDBC_URL as given (it should be a throwaway database: the benchmark writes millions of rows)"
else
  if [[ $EUID -ne 0 ]]; then
    echo "bench/finish.sh: run as root to use the local PostgreSQL, or set BENCH_JDBC_URL/_USER/_PASSWORD" >&2
    exit 2
  fi
  JDBC_USER=$DB
  JDBC_PASSWORD=habitus-bench-finish
  JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB"
  rc=0; pg_ctlcluster 15 main start || rc=$?
  if [[ $rc -ne 0 && $rc -ne 2 ]]; then   # 2: already running
    echo "bench/finish.sh: pg_ctlcluster 15 main start failed ($rc)" >&2
    exit 1
  fi
  # A fresh database per run: earlier runs' rows would make the tables bigger and runs incomparable.
  log "recreating database $DB (role $JDBC_USER)"
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
drop database if exists $DB with (force);
drop role if exists $JDBC_USER;
create role $JDBC_USER login password '$JDBC_PASSWORD';
create database $DB owner $JDBC_USER;
SQL
fi

# --- service ----------------------------------------------------------------------------------
PORT="${BENCH_PORT:-18082}"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "bench/finish.sh: port $PORT is in use (set BENCH_PORT)" >&2
  exit 1
fi
# shellcheck source=bench/service.sh
source bench/service.sh
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
