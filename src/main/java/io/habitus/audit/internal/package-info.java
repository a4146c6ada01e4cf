/**
 * Audit records, their filter, page, status and transition, and the audit settings: the
 * insides of the module, hidden from other modules (which use {@link io.habitus.audit.AuditRecorder}).
 */
@NullMarked
package io.habitus.audit.internal;

import org.jspecify.annotations.NullMarked;
