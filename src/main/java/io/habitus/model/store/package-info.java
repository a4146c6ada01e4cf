/** SQL of trained models, their heads (latest, active) and training jobs. */
package io.habitus.model.store;
