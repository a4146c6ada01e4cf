/**
 * Adapters from real sensors' exports (Tetragon's JSON events, Falco's JSON alerts) onto the ingest
 * contract: each record becomes a Habitus event or is skipped with a counted reason, and the events
 * go through the same {@link io.habitus.pipeline.EventPipeline} as {@code POST /api/v1/events}.
 */
@NullMarked
package io.habitus.sensor;

import org.jspecify.annotations.NullMarked;
