/**
 * Detection evaluation and demo (eval/simulate.sh, eval/demo.sh): drive a running Habitus through
 * its public HTTP API with simulated workloads and attacks, and report what it catches. Test scope.
 */
package io.habitus.eval;
