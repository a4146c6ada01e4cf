#!/usr/bin/env bash
# Novelty surprise benchmark (JMH): ns per surprise of a container's novel count, the binomial null
# against the dispersed one (docs/incidents.md, "Novelty comes in bursts"), on the same counts.
#
#   bench/novelty.sh          # about 3 minutes on 2 cores
#   bench/novelty.sh 5        # seconds per JMH iteration (default 2)
#
# Environment: BENCH_SKIP_BUILD=1 (reuse target/test-classes and the resolved classpath).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OUT=target/bench
mkdir -p "$OUT"
log() { printf '[bench] %s\n' "$*" >&2; }

source bench/lib.sh
jmh_run novelty-result.txt io.habitus.incident.internal.NoveltySurpriseBenchmark "$@"
