# Shared by eval/simulate.sh and eval/demo.sh: build, compile the test-scoped tools, start Habitus.
# Expects: OUT (output folder), log().

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"

# The tools use the service's own classes (the transition encoder, for the pictures) and test
# libraries (Jackson, JFreeChart, libsvm): compiled on their own against target/classes and the
# resolved test classpath, so that an unrelated test that does not compile cannot stop them.
build_tools() {
  if [[ "${EVAL_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
    log "building target/habitus.jar"
    ./mvnw -q -B package -DskipTests
  fi
  if [[ "${EVAL_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" || ! -f "$OUT/service-classpath.txt" ]]; then
    log "resolving the test classpath and the service's runtime classpath"
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
    ./mvnw -q -B dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$OUT/service-classpath.txt" >/dev/null
  fi
  TOOL_CLASSPATH="$OUT/classes:target/classes:$(cat "$OUT/classpath.txt")"
  rm -rf "$OUT/classes"
  log "compiling the simulator and the evaluation"
  "$JAVA_HOME/bin/javac" -nowarn -d "$OUT/classes" -cp "target/classes:$(cat "$OUT/classpath.txt")" \
    src/test/java/io/habitus/sim/*.java src/test/java/io/habitus/eval/*.java
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

# Starts Habitus on an embedded PostgreSQL in a fresh folder (unless EVAL_URL names a running one)
# and sets URL and TOKEN.
start_habitus() {
  if [[ -n "${EVAL_URL:-}" ]]; then
    URL="$EVAL_URL"
    TOKEN="${EVAL_TOKEN:?EVAL_TOKEN (an admin token) is needed with EVAL_URL}"
    log "using the Habitus at $URL"
    return
  fi
  local port="${EVAL_PORT:-$(free_port)}"
  URL="http://127.0.0.1:$port"
  TOKEN="eval-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  rm -rf "$OUT/pgdata" "$OUT/service-classes"
  # The packaged jar carries no embedded PostgreSQL (it is deployable only): like
  # ./mvnw spring-boot:run, the service runs from its classes (a copy, so that a rebuild does not
  # disturb it) and its runtime classpath, optional dependencies included.
  cp -r target/classes "$OUT/service-classes"
  log "starting Habitus on port $port, embedded PostgreSQL in $OUT/pgdata (log: $OUT/service.log)"
  SERVER_PORT="$port" HABITUS_ADMIN_TOKEN="$TOKEN" \
    HABITUS_EMBEDDED_DATABASE_DATA_DIRECTORY="$OUT/pgdata" \
    "$JAVA" ${EVAL_SERVICE_OPTS:-} -cp "$OUT/service-classes:$(cat "$OUT/service-classpath.txt")" \
    io.habitus.HabitusApplication >"$OUT/service.log" 2>&1 &
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
