/**
 * The score call's insides, hidden from other modules: the call and answer records and the
 * scoring metrics.
 */
@NullMarked
package io.habitus.pipeline.internal;

import org.jspecify.annotations.NullMarked;
