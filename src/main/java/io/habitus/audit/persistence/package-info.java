/** SQL of audit records: deduplicating upserts, filtered cursor queries, resolution. */
package io.habitus.audit.persistence;
