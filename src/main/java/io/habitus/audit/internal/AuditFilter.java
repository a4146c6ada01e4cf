package io.habitus.audit.internal;

import io.habitus.shared.Verdict;
import java.time.Instant;

/** Which audits to list; {@code null} fields do not filter. Times bound when an audit was first seen. */
public record AuditFilter(String digest, String containerId, Verdict verdict, AuditStatus status, Instant from, Instant to) {}
