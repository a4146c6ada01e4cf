package io.habitus.audit.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Audits, newest first, and the cursor of the next page ({@code null} on the last page). */
public record AuditPage(List<Audit> items, @Nullable String nextCursor) {}
