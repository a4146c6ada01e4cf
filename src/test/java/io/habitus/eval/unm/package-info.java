/**
 * Replays corpora of system-call traces through Habitus's public HTTP API and compares its verdicts
 * (the incident verdict among them) with STIDE on the same split: the UNM/MIT data sets (eval/unm.sh)
 * and any corpus in the replay layout (eval/replay.sh). An evaluation tool, not part of the service;
 * only its parsing, STIDE and metrics have unit tests in the suite.
 */
package io.habitus.eval.unm;
