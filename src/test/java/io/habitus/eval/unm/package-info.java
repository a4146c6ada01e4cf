/**
 * Replays the UNM/MIT system-call data sets through Habitus's public HTTP API and compares its
 * verdicts with STIDE on the same split (eval/unm.sh). An evaluation tool, not part of the service;
 * only its parsing, STIDE and metrics have unit tests in the suite.
 */
package io.habitus.eval.unm;
