/**
 * The transition model: encoding of (state before, event, state after) into a versioned hashed
 * vector, one-class SVM training with a documented selection and calibration procedure, and the
 * trained model that scores transitions; see {@code docs/transition-model.md}.
 */
@NullMarked
package io.habitus.model;

import org.jspecify.annotations.NullMarked;
