/**
 * Audit records of deviations (ANOMALOUS and VIOLATION verdicts): stored as they are judged,
 * deduplicated per container within a window, searchable, and turned into profile rules when a
 * person accepts them as normal.
 */
@NullMarked
package io.habitus.audit;

import org.jspecify.annotations.NullMarked;
