/**
 * The insides of incident, hidden from other modules: evidence tracking, container detectors
 * and their calibration, episodes, event sequences and their fingerprints, the behaviour-mix
 * statistics, and the incident records with their reasons, status and severity.
 */
@NullMarked
package io.habitus.incident.internal;

import org.jspecify.annotations.NullMarked;
