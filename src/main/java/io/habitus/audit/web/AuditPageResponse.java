package io.habitus.audit.web;

import io.habitus.audit.internal.AuditPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "Audits, newest first")
record AuditPageResponse(
        List<AuditResponse> items,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") @Nullable String nextCursor) {

    static AuditPageResponse of(AuditPage page) {
        return new AuditPageResponse(page.items().stream().map(AuditResponse::of).toList(), page.nextCursor());
    }
}
