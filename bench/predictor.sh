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

source bench/lib.sh
jmh_run predictor-result.txt -Xmx3g io.habitus.bench.training.PredictorRun "$@"
