/**
 * Verdicts: judges events of images that have an active profile (and, later, model) and
 * announces the deviations it finds.
 */
package io.habitus.scoring;
