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

# JMH's annotation processor generates the benchmark classes during test-compile (see pom.xml).
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f target/test-classes/META-INF/BenchmarkList ]]; then
  log "compiling product and tests (JMH benchmark classes are generated here)"
  ./mvnw -q -B test-compile
fi
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]] || ! grep -q jmh-core "$OUT/classpath.txt" 2>/dev/null; then
  log "resolving the test classpath"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
fi
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

"$JAVA_HOME/bin/java" -cp "$CP" io.habitus.incident.internal.NoveltySurpriseBenchmark "$@" | tee "$OUT/novelty-result.txt"
