/**
 * Audit records of deviations (ANOMALOUS and VIOLATION verdicts): stored as they are judged,
 * deduplicated per container within a window, searchable, and turned into profile rules when a
 * person accepts them as normal. The audits a batch opened are published ({@code AuditsOpened}) in
 * its transaction, for listeners after commit (alerts).
 *
 * <p>Its API is {@link io.habitus.audit.AuditRecorder}, the pipeline's record step, and the
 * {@link io.habitus.audit.Audits} facade of the HTTP API; the rest is in {@code internal}.
 */
@NullMarked
package io.habitus.audit;

import org.jspecify.annotations.NullMarked;
