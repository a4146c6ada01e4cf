package io.habitus.audit.internal;

import io.habitus.shared.Verdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Which audits to list; {@code null} fields do not filter. Times bound when an audit was first seen. */
public record AuditFilter(@Nullable String digest, @Nullable String containerId, @Nullable Verdict verdict,
        @Nullable AuditStatus status, @Nullable Instant from, @Nullable Instant to) {}
