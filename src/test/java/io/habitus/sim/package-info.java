/**
 * Workload simulator for the detection evaluation (eval/): realistic runtime-event streams of
 * several image archetypes, and attack scenarios injected into them. Test scope; run by hand.
 */
package io.habitus.sim;
