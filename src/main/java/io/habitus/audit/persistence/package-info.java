/** SQL of audit records: deduplicating upserts, filtered cursor queries, resolution. */
@NullMarked
package io.habitus.audit.persistence;

import org.jspecify.annotations.NullMarked;
