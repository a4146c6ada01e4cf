/**
 * The judge's insides, hidden from other modules: the memo of model assessments per transition.
 */
@NullMarked
package io.habitus.scoring.internal;

import org.jspecify.annotations.NullMarked;
