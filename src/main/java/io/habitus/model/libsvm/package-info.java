/**
 * The only place that touches libsvm: one-class training, the libsvm text format, and the fast
 * predictor that scores without libsvm's object graph.
 */
@NullMarked
package io.habitus.model.libsvm;

import org.jspecify.annotations.NullMarked;
