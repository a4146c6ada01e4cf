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
 */
package io.habitus.model;
