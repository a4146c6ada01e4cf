/**
 * The front door: validates batches of runtime events from agents, makes {@code batchId}
 * idempotent, stores accepted events durably (time-partitioned) before acknowledging them, and
 * announces what it accepted.
 */
package io.habitus.ingest;
