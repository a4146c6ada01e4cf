# Shared by the eval scripts: build, compile the test-scoped tools, start and stop Habitus, run a
# trace replay. Expects: OUT (output folder), log(). Environment (all optional):
#   EVAL_URL, EVAL_TOKEN   use this running Habitus (admin token) instead of starting one
#   EVAL_PORT              port for the Habitus it starts (default: a free one)
#   EVAL_SKIP_BUILD=1      reuse target/habitus.jar and the resolved classpath (resolved again if pom.xml
#                          changed since)
#   EVAL_SERVICE_OPTS      extra JVM options for the Habitus it starts

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"

# The tools use the service's own classes (the transition encoder, for the pictures) and test
# libraries (Jackson, JFreeChart, libsvm): compiled on their own against target/classes and the
# resolved test classpath, so that an unrelated test that does not compile cannot stop them.
# build_tools [SOURCE ...]: the simulator and the simulation evaluation unless sources are named.
build_tools() {
  if [[ "${EVAL_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
    log "building target/habitus.jar"
    ./mvnw -q -B package -DskipTests
  fi
  # A classpath resolved before pom.xml last changed may lack a dependency the classes now need: resolved
  # again even with EVAL_SKIP_BUILD=1 (else the service fails on its first use of the class, mid-run).
  if [[ "${EVAL_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" || ! -f "$OUT/service-classpath.txt" \
        || pom.xml -nt "$OUT/classpath.txt" || pom.xml -nt "$OUT/service-classpath.txt" ]]; then
    log "resolving the test classpath and the service's runtime classpath"
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
    ./mvnw -q -B dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$OUT/service-classpath.txt" >/dev/null
  fi
  local sources=("$@")
  if [[ ${#sources[@]} -eq 0 ]]; then
    sources=(src/test/java/io/habitus/sim/*.java src/test/java/io/habitus/eval/*.java)
  fi
  TOOL_CLASSPATH="$OUT/classes:target/classes:$(cat "$OUT/classpath.txt")"
  rm -rf "$OUT/classes"
  log "compiling the tools"
  "$JAVA_HOME/bin/javac" -nowarn -d "$OUT/classes" -cp "target/classes:$(cat "$OUT/classpath.txt")" "${sources[@]}"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "no free port found" >&2
  exit 1
}

# start_habitus [SERVICE_ARG ...]: starts Habitus on an embedded PostgreSQL in a fresh folder
# ($OUT/pgdata), with the arguments given (unless EVAL_URL names a running one), and sets URL, TOKEN
# and FRESH (1 when it started the service, so nothing of another run is in it).
start_habitus() {
  if [[ -n "${EVAL_URL:-}" ]]; then
    URL="$EVAL_URL"
    TOKEN="${EVAL_TOKEN:?EVAL_TOKEN (an admin token) is needed with EVAL_URL}"
    FRESH=0
    log "using the Habitus at $URL"
    return
  fi
  local port="${EVAL_PORT:-$(free_port)}"
  URL="http://127.0.0.1:$port"
  TOKEN="eval-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  FRESH=1
  rm -rf "$OUT/pgdata" "$OUT/service-classes"
  # The packaged jar carries no embedded PostgreSQL (it is deployable only): like
  # ./mvnw spring-boot:run, the service runs from its classes (a copy, so that a rebuild does not
  # disturb it) and its runtime classpath, optional dependencies included.
  cp -r target/classes "$OUT/service-classes"
  log "starting Habitus on port $port, embedded PostgreSQL in $OUT/pgdata (log: $OUT/service.log)"
  local jvm_opts
  read -r -a jvm_opts <<<"${EVAL_SERVICE_OPTS:-}"
  SERVER_PORT="$port" HABITUS_ADMIN_TOKEN="$TOKEN" \
    HABITUS_EMBEDDED_DATABASE_DATA_DIRECTORY="$OUT/pgdata" \
    "$JAVA" ${jvm_opts[@]+"${jvm_opts[@]}"} -cp "$OUT/service-classes:$(cat "$OUT/service-classpath.txt")" \
    io.habitus.HabitusApplication "$@" >"$OUT/service.log" 2>&1 &
  SERVICE_PID=$!
  trap stop_habitus EXIT
  trap 'exit 130' INT TERM
  for i in $(seq 1 180); do
    if curl -fsS "$URL/actuator/health/readiness" >/dev/null 2>&1; then
      log "Habitus ready (pid $SERVICE_PID)"
      return
    fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "Habitus exited during startup; last lines of $OUT/service.log:" >&2
      tail -n 30 "$OUT/service.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "Habitus was not ready after 180 s" >&2
  exit 1
}

stop_habitus() {
  if [[ -n "${SERVICE_PID:-}" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping Habitus (pid $SERVICE_PID)"
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}

# The trace replays (eval/unm.sh, eval/replay.sh): only their own files, which talk HTTP and need
# libraries, not the service's classes (ModelProbe, a design probe, does and is left out).
build_replay_tools() {
  build_tools src/test/java/io/habitus/eval/Roc.java \
    $(ls src/test/java/io/habitus/eval/unm/*.java | grep -v -e Tests.java -e ModelProbe.java)
}

# run_replay MAIN_CLASS [ARG ...]: builds, starts Habitus for a trace replay and runs it.
run_replay() {
  local main="$1"
  shift
  build_replay_tools
  # Learning ends only on request (FINISH), never by the clock: the replay's event times are compressed.
  EVAL_SERVICE_OPTS="-Xmx2g ${EVAL_SERVICE_OPTS:-}" start_habitus \
    --habitus.learning.window=P3650D --habitus.learning.stability=P3650D --habitus.model.poll-interval=500ms
  local run=()
  if [[ "$FRESH" == 1 ]]; then
    # Nothing else in the service: a fixed run id, so container ids (and the container detector's
    # calibration folds, which follow them) are the same in every run and in either replay.
    run=(--run=eval)
  fi
  "$JAVA" -Xms256m -Xmx2g -cp "$TOOL_CLASSPATH" "$main" --url="$URL" --token="$TOKEN" ${run[@]+"${run[@]}"} "$@"
}
