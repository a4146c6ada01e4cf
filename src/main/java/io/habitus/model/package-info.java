/**
 * The transition model: encoding of (state before, event, state after) into a versioned hashed
 * vector, one-class SVM training with a documented selection and calibration procedure, and the
 * trained model that scores transitions; see {@code docs/transition-model.md}.
 * Its API is {@link io.habitus.model.Models}, {@link io.habitus.model.ModelJobs},
 * {@link io.habitus.model.ActiveModels}, {@link io.habitus.model.TrainingSamples} and the
 * {@link io.habitus.model.TransitionModel} they serve; encoding and training are in {@code internal}.
 */
@NullMarked
package io.habitus.model;

import org.jspecify.annotations.NullMarked;
