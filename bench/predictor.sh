#!/usr/bin/env bash
# Predictor benchmark (JMH): ns per transition of the product's FastPredictor against libsvm's
# svm.svm_predict_values on the same models with about 100, 1,000 and 5,000 support vectors.
#
#   bench/predictor.sh                      # about 4 minutes on 2 cores
#   bench/predictor.sh --targets=1000 --forks=2 --iterations=10
#   bench/predictor.sh --help
#
# Environment: HABITUS_TRACES (data folder, default /work/shared/data/unm-syscall-traces),
# BENCH_SKIP_BUILD=1 (reuse target/test-classes and the resolved classpath).
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

"$JAVA_HOME/bin/java" -Xmx3g -cp "$CP" io.habitus.bench.training.PredictorRun "$@" | tee "$OUT/predictor-result.txt"
