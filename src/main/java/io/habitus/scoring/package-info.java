/**
 * Verdicts: judges events of images that have an active profile (and, later, model) for the
 * pipeline and for what-if score calls.
 */
@NullMarked
package io.habitus.scoring;

import org.jspecify.annotations.NullMarked;
