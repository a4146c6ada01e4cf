/** Storage of batches and raw events: the idempotency ledger, COPY-based event writes, partition upkeep. */
@NullMarked
package io.habitus.ingest.persistence;

import org.jspecify.annotations.NullMarked;
