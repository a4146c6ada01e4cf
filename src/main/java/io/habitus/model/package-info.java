/**
 * The transition model: encoding of (state before, event, state after) into a versioned hashed
 * vector, one-class SVM training with a documented selection and calibration procedure, and the
 * trained model that scores transitions; see {@code docs/transition-model.md}.
 *
 * <p>Events: a window's training job is queued by an {@code @ApplicationModuleListener} on
 * {@code LearningFinished}, after that commit, at least once (the event publication registry runs it
 * again after a crash; a job queued since that end makes a repeat a no-op). {@code ModelActivated}
 * is heard by a plain synchronous listener: it only makes this replica's cache re-read the active
 * versions once the activation commits, so a registry record would be pointless (a restarted replica
 * starts with an empty cache; other replicas poll).
 *
 * <p>Its API is {@link io.habitus.model.Models}, {@link io.habitus.model.ModelJobs},
 * {@link io.habitus.model.ActiveModels}, {@link io.habitus.model.TrainingSamples} and the
 * {@link io.habitus.model.TransitionModel} they serve; encoding and training are in {@code internal}.
 */
@NullMarked
package io.habitus.model;

import org.jspecify.annotations.NullMarked;
