/**
 * Verdicts: judges events of images that have an active profile (and, later, model) for the
 * pipeline and for what-if score calls.
 * Its API is {@link io.habitus.scoring.TransitionJudge} and the judgement records.
 */
@NullMarked
package io.habitus.scoring;

import org.jspecify.annotations.NullMarked;
