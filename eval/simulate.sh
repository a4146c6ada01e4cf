#!/usr/bin/env bash
# Detection evaluation: simulated workloads of five image archetypes and eleven attack scenarios,
# driven through Habitus's public HTTP API; prints the per-event table and the incident figures (per
# container: the product's incident verdict and risk) and writes results.json, results.txt
# and PNG pictures (ROC curves, transition maps) into target/eval/ (docs/evaluation.md).
#
#   eval/simulate.sh                       # starts Habitus on a fresh embedded PostgreSQL, runs everything
#   eval/simulate.sh --seed=7 --attacks=50 --archetypes=web,api
#   EVAL_URL=http://host:8080 EVAL_TOKEN=<admin token> eval/simulate.sh --salt=run2   # a running Habitus
#
# Flags go to io.habitus.eval.Evaluation (--help lists them). Environment:
#   EVAL_URL, EVAL_TOKEN   use this running Habitus (admin token) instead of starting one
#   EVAL_PORT              port for the Habitus it starts (default: a free one)
#   EVAL_SKIP_BUILD=1      reuse target/habitus.jar and the resolved classpath
#   EVAL_OUT               output folder (default target/eval)
set -euo pipefail

cd "$(dirname "$0")/.."
OUT="${EVAL_OUT:-target/eval}"
mkdir -p "$OUT"
log() { printf '[eval] %s\n' "$*" >&2; }
source eval/lib.sh

build_tools
start_habitus
"$JAVA" -Xmx1g -Djava.awt.headless=true -cp "$TOOL_CLASSPATH" io.habitus.eval.Evaluation \
  --url="$URL" --token="$TOKEN" --out="$OUT" "$@"
