#!/usr/bin/env bash
# Detection on the UNM/MIT system-call traces: Habitus (through its HTTP API) against STIDE.
#
#   eval/unm.sh /work/shared/data/unm-syscall-traces                 # starts its own service on a free port
#   eval/unm.sh DATA --sets=sendmail,xlock --max-learning=200          # flags go to UnmEvaluation
#   UNM_URL=http://host:8080 UNM_TOKEN=secret eval/unm.sh DATA         # use a running service instead
#
# Environment: UNM_URL and UNM_TOKEN, UNM_PORT, UNM_SKIP_BUILD=1, UNM_SERVICE_OPTS, the same as
# eval/lib.sh's EVAL_* (either name works). The service's embedded PostgreSQL is made afresh in
# target/unm/pgdata. Results: docs/unm-results.md and .json. The same replay on any corpus of
# traces in a documented layout: eval/replay.sh.
set -euo pipefail

DATA="${1:?usage: eval/unm.sh DATA_FOLDER [--flag=value ...]}"
shift
DATA="$(cd "$DATA" && pwd)"
cd "$(dirname "$0")/.."
OUT=target/unm
mkdir -p "$OUT"
log() { printf '[unm.sh] %s\n' "$*" >&2; }
for setting in URL TOKEN PORT SKIP_BUILD SERVICE_OPTS; do
  unm="UNM_$setting"
  if [[ -n "${!unm:-}" ]]; then
    export "EVAL_$setting=${!unm}"
  fi
done
source eval/lib.sh

run_replay io.habitus.eval.unm.UnmEvaluation --data="$DATA" "$@"
