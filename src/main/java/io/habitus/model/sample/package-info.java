/** The training sample: distinct transitions of learning windows, with counts. */
package io.habitus.model.sample;
