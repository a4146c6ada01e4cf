/**
 * The front door: validates batches of runtime events from agents, makes {@code batchId}
 * idempotent, stores accepted events durably (time-partitioned) before acknowledging them, inside the
 * pipeline's transaction.
 * Its API is the {@link io.habitus.ingest.EventIngestion} facade with the event, batch and receipt
 * records; validation and reading are in {@code internal}.
 */
@NullMarked
package io.habitus.ingest;

import org.jspecify.annotations.NullMarked;
