# Sourced by bench/ingest.sh, bench/scoring.sh and bench/finish.sh: what every service benchmark does
# before it measures; and by the JMH benchmarks (bench/predictor.sh, bench/novelty.sh) for their classpath.
#
#   jmh_classpath       compiles product and tests (JMH's annotation processor generates the benchmark
#                       classes then) and resolves the test classpath; sets CP. BENCH_SKIP_BUILD=1 reuses
#                       target/test-classes and the resolved classpath.
#   jmh_run <result file> <java arguments…>   jmh_classpath, then java with them on that classpath, its
#                       output also written to $OUT/<result file>.
#   build_benchmark <service jar copy> <classes dir>   the service jar (copied, so that a rebuild during
#                       the run cannot pull it away) and the benchmark's classes; sets CLASSPATH_LIBS.
#                       BENCH_SKIP_BUILD=1 reuses target/habitus.jar and the resolved classpath;
#                       BENCH_JAR runs that jar instead of building one.
#   bench_database <database> <password> [wal]   a fresh database (role of the same name) on the local
#                       PostgreSQL 15, or BENCH_JDBC_URL/_USER/_PASSWORD as given; "wal" gives the
#                       server the WAL headroom of an ingest-heavy deployment. Sets JDBC_URL, JDBC_USER,
#                       JDBC_PASSWORD.
#   start_service <port> <jar> <service log> <JFR file>   starts the jar against that database, waits
#                       until it is ready and stops it when the script exits; sets TOKEN (a fresh admin
#                       token, kept for further services of the same run) and SERVICE_PID. Called
#                       again, it starts another service on the same database (environment variables
#                       exported by the caller reach it). BENCH_SERVICE_OPTS adds JVM options;
#                       BENCH_JFR=1 records <JFR file>.
#
# Needs JAVA, JAVA_HOME and a log() function.

jmh_classpath() {
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f target/test-classes/META-INF/BenchmarkList ]]; then
    log "compiling product and tests (JMH benchmark classes are generated here)"
    ./mvnw -q -B test-compile
  fi
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]] || ! grep -q jmh-core "$OUT/classpath.txt" 2>/dev/null; then
    log "resolving the test classpath"
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
  fi
  CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"
}

jmh_run() {
  local result=$1
  shift
  jmh_classpath
  "$JAVA_HOME/bin/java" -cp "$CP" "$@" | tee "$OUT/$result"
}

build_benchmark() {
  local jar_copy=$1 classes=$2
  if [[ -n "${BENCH_JAR:-}" ]]; then
    log "service jar: $BENCH_JAR (as given)"
    cp "$BENCH_JAR" "$jar_copy"
  else
    # The jar is always rebuilt unless asked not to: a benchmark of a stale jar measures the wrong code.
    if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f target/habitus.jar ]]; then
      log "building target/habitus.jar"
      ./mvnw -q -B package -DskipTests
    fi
    cp target/habitus.jar "$jar_copy"
  fi
  # The benchmark uses only libraries (Jackson, pgjdbc), not the service's classes: it is compiled on
  # its own against the test classpath, so that a test elsewhere that does not compile cannot stop it.
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f "$OUT/classpath.txt" ]]; then
    log "resolving the test classpath"
    ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
  fi
  CLASSPATH_LIBS="$(cat "$OUT/classpath.txt")"
  rm -rf "$classes"
  log "compiling the benchmark"
  "$JAVA_HOME/bin/javac" -nowarn -proc:none -d "$classes" -cp "$CLASSPATH_LIBS" src/test/java/io/habitus/bench/*.java
}

bench_database() {
  local db=$1 password=$2 wal=${3:-} rc=0
  if [[ -n "${BENCH_JDBC_URL:-}" ]]; then
    JDBC_URL="$BENCH_JDBC_URL"
    JDBC_USER="${BENCH_JDBC_USER:?BENCH_JDBC_USER is needed with BENCH_JDBC_URL}"
    JDBC_PASSWORD="${BENCH_JDBC_PASSWORD:?BENCH_JDBC_PASSWORD is needed with BENCH_JDBC_URL}"
    log "using $JDBC_URL as given (it should be a throwaway database: the benchmark writes millions of rows)"
    return 0
  fi
  if [[ $EUID -ne 0 ]]; then
    echo "$0: run as root to use the local PostgreSQL, or set BENCH_JDBC_URL/_USER/_PASSWORD" >&2
    exit 2
  fi
  JDBC_USER=$db
  JDBC_PASSWORD=$password
  JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db"
  pg_ctlcluster 15 main start || rc=$?
  if [[ $rc -ne 0 && $rc -ne 2 ]]; then   # 2: already running
    echo "$0: pg_ctlcluster 15 main start failed ($rc)" >&2
    exit 1
  fi
  # A fresh database per run: earlier runs' rows would make indexes bigger and runs incomparable.
  log "recreating database $db (role $JDBC_USER)"
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
drop database if exists $db with (force);
drop role if exists $JDBC_USER;
create role $JDBC_USER login password '$JDBC_PASSWORD';
create database $db owner $JDBC_USER;
SQL
  if [[ "$wal" == wal ]]; then
    # A write benchmark on the default 1 GB of WAL spends its time in forced checkpoints (service and
    # COPY alike); give the local server the headroom any ingest-heavy deployment would have.
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
alter system set max_wal_size = '8GB';
alter system set checkpoint_timeout = '15min';
select pg_reload_conf();
SQL
  fi
}

SERVICE_PIDS=()
HELPER_PIDS=()   # other processes of the run (e.g. bench/ingest.sh's alert receiver), stopped with the services

stop_service() {
  local pid
  for pid in ${SERVICE_PIDS[@]+"${SERVICE_PIDS[@]}"} ${HELPER_PIDS[@]+"${HELPER_PIDS[@]}"}; do
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping pid $pid"
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
}

start_service() {
  local port=$1 jar=$2 service_log=$3 jfr=$4 i
  TOKEN="${TOKEN:-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
  local -a opts
  read -r -a opts <<<"${BENCH_SERVICE_OPTS:-}"
  if [[ "${BENCH_JFR:-}" == 1 && -n "$jfr" ]]; then
    # A request's stack is deeper than JFR's default of 64 frames; cut short, its outer steps go unseen
    # (bench/JfrProfile.java attributes samples to steps).
    opts+=("-XX:FlightRecorderOptions:stackdepth=512" "-XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true")
  fi

  log "starting the service on port $port (log: $service_log)"
  # Learning ends only when the benchmark says so: the learning fleet must stay learning while it
  # is measured, and the replayed templates' event times would otherwise complete a window early.
  HABITUS_LEARNING_WINDOW=3650d \
  SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME="$JDBC_USER" SPRING_DATASOURCE_PASSWORD="$JDBC_PASSWORD" \
    SERVER_PORT="$port" HABITUS_ADMIN_TOKEN="$TOKEN" \
    "$JAVA" ${opts[@]+"${opts[@]}"} -jar "$jar" >"$service_log" 2>&1 &
  SERVICE_PID=$!
  SERVICE_PIDS+=("$SERVICE_PID")
  trap stop_service EXIT
  trap 'exit 130' INT TERM

  for i in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      log "service ready (pid $SERVICE_PID)"
      return 0
    fi
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      echo "$0: the service exited during startup; last lines of $service_log:" >&2
      tail -n 30 "$service_log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$0: the service was not ready after 120 s" >&2
  exit 1
}
