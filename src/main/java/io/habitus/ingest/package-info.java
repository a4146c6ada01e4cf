/**
 * The front door: validates batches of runtime events from agents, makes {@code batchId}
 * idempotent, stores accepted events durably (time-partitioned) before acknowledging them, inside the
 * pipeline's transaction.
 */
@NullMarked
package io.habitus.ingest;

import org.jspecify.annotations.NullMarked;
