/** Storage of batches and raw events: the idempotency ledger, COPY-based event writes, partition upkeep. */
package io.habitus.ingest.persistence;
