/**
 * Incidents: each judged container's running evidence (novel short sequences and broken rules,
 * weighed by a binomial surprise), the per-image container detector calibrated on containers held
 * out of the learning window, and incidents with their lifecycle — what people act on
 * (docs/incidents.md). An incident opened or raised in severity outside a dry run is returned to the
 * pipeline ({@code IncidentRaised}), which alerts it in the batch's transaction; the
 * window's detector is queued by an {@code @ApplicationModuleListener} on {@code LearningFinished}.
 *
 * <p>Its API is the {@link io.habitus.incident.Incidents} facade, {@link io.habitus.incident.LearningSequences}
 * and {@link io.habitus.incident.ContainerRisk}; the rest is in {@code internal}.
 */
@NullMarked
package io.habitus.incident;

import org.jspecify.annotations.NullMarked;
