/**
 * Adapters from real sensors' exports (Tetragon's JSON events, Falco's JSON alerts) onto the ingest
 * contract: each record becomes a Habitus event or is skipped with a counted reason, and the events
 * go through the same {@link io.habitus.pipeline.EventPipeline} as {@code POST /api/v1/events}.
 * Its API is the {@link io.habitus.sensor.SensorIngestion} facade. It has no module test of its own:
 * every batch goes on to the pipeline, which needs the whole application; {@code SensorIngestTests}
 * run it there.
 */
@NullMarked
package io.habitus.sensor;

import org.jspecify.annotations.NullMarked;
