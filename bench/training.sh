#!/usr/bin/env bash
# Training benchmark: the product's libsvm one-class training against scikit-learn's OneClassSVM on
# the same transition vectors (2k, 5k, 10k, 20k distinct), with time, support vectors, model size
# and the largest difference of decision values.
#
#   bench/training.sh                       # about 5 minutes on 2 cores
#   bench/training.sh --sizes=2000,5000 --nu=0.1
#   bench/training.sh --help
#
# Needs Debian's python3-sklearn for /usr/bin/python3 (installed with apt-get when missing, which
# needs root). Environment: HABITUS_TRACES (data folder, default /work/shared/data/unm-syscall-traces),
# BENCH_SKIP_BUILD=1 (reuse target/classes and the resolved classpath).
set -euo pipefail

cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OUT=target/bench
mkdir -p "$OUT/training"
log() { printf '[bench] %s\n' "$*" >&2; }

# The system Python, not whatever python3 is first on PATH: that is where Debian's sklearn lives.
if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
  log "installing python3-sklearn"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-sklearn >&2
fi

# The tool uses the product's encoder and libsvm wrapper, so it compiles against target/classes.
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -d target/classes ]]; then
  log "compiling the product"
  ./mvnw -q -B compile
fi
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]] || ! grep -q jmh-core "$OUT/classpath.txt" 2>/dev/null; then
  log "resolving the test classpath"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt"
fi
CP="target/classes:$(cat "$OUT/classpath.txt")"
rm -rf "$OUT/training-classes"
log "compiling the benchmark"
"$JAVA_HOME/bin/javac" -nowarn -proc:none -d "$OUT/training-classes" -cp "$CP" \
  src/test/java/io/habitus/bench/training/*.java

"$JAVA_HOME/bin/java" -Xmx3g -cp "$OUT/training-classes:$CP" io.habitus.bench.training.TrainingBenchmark "$@" \
  | tee "$OUT/training-result.txt"
