# Sourced by bench/ingest.sh and bench/scoring.sh: starts the service jar against the benchmark's
# database, waits until it is ready and stops it when the script exits.
#
#   start_service <port> <jar> <service log> <JFR file>
#
# Needs JAVA, JDBC_URL, JDBC_USER, JDBC_PASSWORD and a log() function; sets TOKEN (a fresh admin
# token) and SERVICE_PID. BENCH_SERVICE_OPTS adds JVM options; BENCH_JFR=1 records <JFR file>.

stop_service() {
  if [[ -n "${SERVICE_PID:-}" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    log "stopping the service (pid $SERVICE_PID)"
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
}

start_service() {
  local port=$1 jar=$2 service_log=$3 jfr=$4 i
  TOKEN="bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  local -a opts
  read -r -a opts <<<"${BENCH_SERVICE_OPTS:-}"
  if [[ "${BENCH_JFR:-}" == 1 ]]; then
    opts+=("-XX:StartFlightRecording=filename=$jfr,settings=profile,dumponexit=true")
  fi

  log "starting the service on port $port (log: $service_log)"
  # Learning ends only when the benchmark says so: the learning fleet must stay learning while it
  # is measured, and the replayed templates' event times would otherwise complete a window early.
  HABITUS_LEARNING_WINDOW=3650d \
  SPRING_DATASOURCE_URL="$JDBC_URL" SPRING_DATASOURCE_USERNAME="$JDBC_USER" SPRING_DATASOURCE_PASSWORD="$JDBC_PASSWORD" \
    SERVER_PORT="$port" HABITUS_ADMIN_TOKEN="$TOKEN" \
    "$JAVA" ${opts[@]+"${opts[@]}"} -jar "$jar" >"$service_log" 2>&1 &
  SERVICE_PID=$!
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
