/**
 * Training and prediction benchmarks of the transition model on transitions derived from real
 * system-call traces (bench/training.sh, bench/predictor.sh), not run by the test suite.
 */
package io.habitus.bench.training;
