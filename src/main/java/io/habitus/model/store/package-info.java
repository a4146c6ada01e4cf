/** SQL of trained models, their heads (latest, active) and training jobs. */
@NullMarked
package io.habitus.model.store;

import org.jspecify.annotations.NullMarked;
