/** The training sample: distinct transitions of learning windows, with counts. */
@NullMarked
package io.habitus.model.sample;

import org.jspecify.annotations.NullMarked;
