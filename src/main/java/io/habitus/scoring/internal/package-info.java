/**
 * The judge's insides, hidden from other modules: the memo of model assessments per transition.
 */
package io.habitus.scoring.internal;
