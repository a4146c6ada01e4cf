#!/usr/bin/env bash
# Detection on any corpus of system-call traces: Habitus (through its HTTP API) against STIDE on the
# same split, the same table as eval/unm.sh (per attack kind: detected or not; the false-positive rate
# on the held-out normal traces; ROC AUC per trace) for STIDE and the Habitus rows, the incident row
# being the service's own verdict.
#
#   eval/replay.sh DIR [--flag=value ...]                       # starts its own service on a free port
#   eval/replay.sh --export-unm UNM_DATA OUT [--sets=sendmail]  # writes the UNM sets in this layout
#   EVAL_URL=http://host:8080 EVAL_TOKEN=secret eval/replay.sh DIR   # use a running service instead
#
# Layout of DIR (its name names the corpus, the image and the containers; --corpus=NAME overrides):
#   DIR/train/FILE           learning traces: the image learns from them (its allowlist, model and
#                            container detector) and STIDE's database is made of them
#   DIR/normal/FILE          held-out normal traces: the false-positive rates
#   DIR/attack/KIND/FILE     attack traces, grouped by kind (a row's "intrusion files"): a kind is
#                            detected when any of its traces is flagged
#   DIR/executable           optional: one line, the traced program's path (default /usr/local/bin/traced;
#                            --executable=PATH overrides); every trace is one process of it
# Subfolders are read too (DIR/attack/KIND/RUN/FILE: a corpus that keeps each attack run in a folder),
# in the order of their paths; files lying in DIR/attack itself are one kind, "attack". Where train/,
# normal/ or attack/ is missing, ADFA-LD's names for it are read (Training_Data_Master,
# Validation_Data_Master, Attack_Data_Master: each attack run's folder is then a kind).
# One FILE is one process: its system calls in execution order, separated by any whitespace (spaces,
# tabs, newlines), each a decimal number or a name (letters, digits, _; upper case is lowered), any
# mix; blank lines are ignored, a .gz file is read as gzip, hidden files are left out, empty files
# skipped. Numbers and names are different calls (a trace does not say which number a name has).
# Files are taken in the order of their names. Each trace is replayed as its own container: the
# program's exec, then one syscall event per call. The whole corpus is replayed: only more than
# --max-learning=20000 train or --max-held-out=20000 normal traces are subsampled uniformly
# (--seed=20261128), keeping file order.
#
# eval/replay.sh on a folder exported by --export-unm (train = the learning split eval/unm.sh uses,
# normal = its held-out split, attack/<intrusion file>/ = that file's processes) prints the same rows
# as eval/unm.sh for that data set: the same traces under the same names.
#
# Other flags go to io.habitus.eval.unm.ReplayEvaluation (and Replay): --out=target/replay,
# --name=<corpus>-results, --frame=20, --stide-length=6, --alarm=5, --stide-alarm=1, --clients=4.
# Environment: as eval/lib.sh (EVAL_URL, EVAL_TOKEN, EVAL_PORT, EVAL_SKIP_BUILD=1, EVAL_SERVICE_OPTS);
# the service's embedded PostgreSQL is made afresh in target/replay/pgdata.
set -euo pipefail

usage="usage: eval/replay.sh DIR [--flag=value ...] | eval/replay.sh --export-unm UNM_DATA OUT [--sets=a,b]"
if [[ "${1:-}" == --export-unm ]]; then
  DATA="$(cd "${2:?$usage}" && pwd)"
  mkdir -p "${3:?$usage}"
  EXPORT="$(cd "$3" && pwd)"
  shift 3
else
  DIR="$(cd "${1:?$usage}" && pwd)"
  shift
fi
cd "$(dirname "$0")/.."
OUT=target/replay
mkdir -p "$OUT"
log() { printf '[replay.sh] %s\n' "$*" >&2; }
source eval/lib.sh

if [[ -n "${EXPORT:-}" ]]; then
  build_replay_tools
  "$JAVA" -Xmx2g -cp "$TOOL_CLASSPATH" io.habitus.eval.unm.UnmExport --data="$DATA" --out="$EXPORT" "$@"
else
  run_replay io.habitus.eval.unm.ReplayEvaluation --dir="$DIR" "$@"
fi
