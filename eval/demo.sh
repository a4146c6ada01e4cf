#!/usr/bin/env bash
# Five-minute demo: start Habitus (embedded PostgreSQL), replay one simulated image, finish
# learning, train, then score an attack that stays inside the allowlist and print the verdict.
#
#   eval/demo.sh                                        # web server, allowed-shell-abuse
#   eval/demo.sh --archetype=database --scenario=secret-read-then-egress
#   EVAL_URL=http://host:8080 EVAL_TOKEN=<admin token> eval/demo.sh --salt=demo2   # a running Habitus
#
# Archetypes: web, database, api, batch, jvm. Scenarios: allowed-shell-abuse, secret-read-then-egress,
# maintenance-burst, allowed-port-sweep (in-allowlist), reverse-shell, crypto-miner, credential-read,
# package-manager, lateral-scan, dropped-binary, container-escape (classic).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT="${EVAL_OUT:-target/demo}"
mkdir -p "$OUT"
log() { printf '[demo] %s\n' "$*" >&2; }
source eval/lib.sh

build_tools
start_habitus
"$JAVA" -Xmx512m -cp "$TOOL_CLASSPATH" io.habitus.eval.Demo --url="$URL" --token="$TOKEN" "$@"
