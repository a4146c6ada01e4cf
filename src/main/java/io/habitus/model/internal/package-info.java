/**
 * The insides of the transition model, hidden from other modules: transition encoding and the
 * feature specification, one-class SVM training, grid search and calibration, the held-out split,
 * the versioned text format, statistics, settings and the background training worker.
 */
@NullMarked
package io.habitus.model.internal;

import org.jspecify.annotations.NullMarked;
