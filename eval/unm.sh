#!/usr/bin/env bash
# Detection on the UNM/MIT system-call traces: Habitus (through its HTTP API) against STIDE.
#
#   eval/unm.sh /work/shared/data/unm-syscall-traces                 # starts its own service, port 18082
#   eval/unm.sh DATA --sets=sendmail,xlock --max-learning=200          # flags go to UnmEvaluation
#   UNM_URL=http://host:8080 UNM_TOKEN=secret eval/unm.sh DATA         # use a running service instead
#
# Environment: UNM_PORT (18082), UNM_WORKDIR (/tmp/unm-eval; a fresh embedded-PostgreSQL folder per
# run is made inside it), UNM_SKIP_BUILD=1 (reuse target/habitus.jar and the resolved classpath),
# UNM_SERVICE_OPTS (extra JVM options for the service). Results: docs/unm-results.md and .json.
set -euo pipefail

DATA="${1:?usage: eval/unm.sh DATA_FOLDER [--flag=value ...]}"
shift
DATA="$(cd "$DATA" && pwd)"
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT=target/unm
mkdir -p "$OUT"
log() { printf '[unm.sh] %s\n' "$*" >&2; }

if [[ "${UNM_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
  log "building target/habitus.jar"
  ./mvnw -q -B package -DskipTests
fi
if [[ "${UNM_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" || ! -f "$OUT/service-classpath.txt" ]]; then
  log "resolving the test classpath and the service's runtime classpath"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
  ./mvnw -q -B dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$OUT/service-classpath.txt"
fi
CLASSPATH_LIBS="$(cat "$OUT/classpath.txt")"
rm -rf "$OUT/classes"
log "compiling the evaluation"
# Only the replay's own files: it talks HTTP and needs libraries, not the service's classes.
"$JAVA_HOME/bin/javac" -nowarn -d "$OUT/classes" -cp "$CLASSPATH_LIBS" \
  src/test/java/io/habitus/eval/Roc.java \
  $(ls src/test/java/io/habitus/eval/unm/*.java | grep -v -e Tests.java -e ModelProbe.java)

SERVICE_PID=
stop_service() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap stop_service EXIT
trap 'exit 130' INT TERM

if [[ -n "${UNM_URL:-}" ]]; then
  URL="$UNM_URL"
  TOKEN="${UNM_TOKEN:?UNM_TOKEN (an admin token) is needed with UNM_URL}"
else
  PORT="${UNM_PORT:-18082}"
  WORKDIR="${UNM_WORKDIR:-/tmp/unm-eval}"
  PGDATA_DIR="$WORKDIR/pgdata-$(date +%Y%m%d%H%M%S)"
  mkdir -p "$WORKDIR"
  # The packaged jar carries no embedded PostgreSQL (it is deployable only): like
  # ./mvnw spring-boot:run, the service runs from a copy of its classes and its runtime classpath.
  rm -rf "$OUT/service-classes"
  cp -r target/classes "$OUT/service-classes"
  URL="http://127.0.0.1:$PORT"
  TOKEN="unm-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  read -r -a SERVICE_OPTS <<<"${UNM_SERVICE_OPTS:-}"
  log "starting the service on port $PORT, embedded PostgreSQL in $PGDATA_DIR (log: $OUT/service.log)"
  # Learning ends only on request (FINISH), never by the clock: the replay's event times are compressed.
  SERVER_PORT="$PORT" HABITUS_ADMIN_TOKEN="$TOKEN" \
    "$JAVA" -Xmx2g ${SERVICE_OPTS[@]+"${SERVICE_OPTS[@]}"} \
    -cp "$OUT/service-classes:$(cat "$OUT/service-classpath.txt")" io.habitus.HabitusApplication \
    --habitus.embedded-database.data-directory="$PGDATA_DIR" \
    --habitus.learning.window=P3650D --habitus.learning.stability=P3650D \
    --habitus.model.poll-interval=500ms >"$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  for i in $(seq 1 180); do
    if curl -fsS "$URL/actuator/health/readiness" >/dev/null 2>&1; then
      break
    fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "eval/unm.sh: the service exited during startup; last lines of $OUT/service.log:" >&2
      tail -n 30 "$OUT/service.log" >&2
      exit 1
    fi
    if [[ $i -eq 180 ]]; then
      echo "eval/unm.sh: the service was not ready after 180 s" >&2
      exit 1
    fi
    sleep 1
  done
  log "service ready (pid $SERVICE_PID)"
fi

"$JAVA" -Xms256m -Xmx2g -cp "$OUT/classes:$CLASSPATH_LIBS" io.habitus.eval.unm.UnmEvaluation \
  --data="$DATA" --url="$URL" --token="$TOKEN" "$@"
