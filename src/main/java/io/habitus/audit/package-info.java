/**
 * Audit records of deviations (ANOMALOUS and VIOLATION verdicts): stored as they are judged,
 * deduplicated per container within a window, searchable, and turned into profile rules when a
 * person accepts them as normal. The recording step returns the audits a batch opened, which the
 * pipeline hands to its alert step.
 *
 * <p>Its API is {@link io.habitus.audit.AuditRecorder}, the pipeline's record step, and the
 * {@link io.habitus.audit.Audits} facade of the HTTP API; the rest is in {@code internal}.
 */
@NullMarked
package io.habitus.audit;

import org.jspecify.annotations.NullMarked;
