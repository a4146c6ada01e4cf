/**
 * The event pipeline and its two doors: {@code POST /api/v1/events} and {@code POST /api/v1/score}.
 * One facade ({@link io.habitus.pipeline.EventPipeline}) stores a batch, advances container states,
 * learns, judges, records audits, advances container evidence (incidents) and queues alerts in one
 * transaction, by direct calls in that order. What happens after commit is the alert worker's
 * delivery of what the outbox holds, and metrics.
 *
 * <p>Its API is {@link io.habitus.pipeline.EventPipeline} and {@link io.habitus.pipeline.Scoring}, the
 * score endpoint's facade. It has no module test of its own: it calls every other module, so
 * bootstrapping it is bootstrapping the application, which the full tests do.
 */
@NullMarked
package io.habitus.pipeline;

import org.jspecify.annotations.NullMarked;
