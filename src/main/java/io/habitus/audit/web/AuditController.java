package io.habitus.audit.web;

import io.habitus.audit.Audits;
import io.habitus.audit.internal.AuditFilter;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.security.Caller;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audits", description = "Recorded deviations: search them, accept one as normal")
@RestController
@RequestMapping("/api/v1/audits")
class AuditController {

    private final Audits audits;

    AuditController(Audits audits) {
        this.audits = audits;
    }

    @Operation(operationId = "listAudits", summary = "List audits",
            description = "Newest first, filtered; follow `nextCursor` for more.")
    @GetMapping
    AuditPageResponse list(
            @RequestParam(required = false) @Nullable ImageDigest image,
            @Parameter(description = "Container id") @RequestParam(required = false) @Size(max = 256) @Nullable String container,
            @RequestParam(required = false) @Nullable Verdict verdict,
            @RequestParam(required = false) @Nullable AuditStatus status,
            @Parameter(description = "First seen at or after (ISO-8601)") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "First seen before (ISO-8601)") @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "From a previous page's nextCursor") @RequestParam(required = false) @Size(max = 100) @Nullable String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return AuditPageResponse.of(audits.list(new AuditFilter(image == null ? null : image.value(), container, verdict, status, from, to), cursor, limit));
    }

    @Operation(operationId = "getAudit", summary = "Read an audit")
    @GetMapping("/{id}")
    AuditResponse read(@PathVariable long id) {
        return AuditResponse.of(audits.get(id));
    }

    @Operation(operationId = "allowAudit", summary = "Accept an audit as normal",
            description = "Its rule joins the image's active profile as a manual entry (a new, active version) and the "
                    + "audit is resolved. 409 if it was already allowed.")
    @ApiResponse(responseCode = "200", description = "The allowed audit")
    @ApiResponse(responseCode = "409", description = "The audit was already allowed, or its image has no active profile")
    @PostMapping("/{id}/allow")
    AuditResponse allow(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable AllowRequest request,
            @AuthenticationPrincipal Caller caller) {
        return AuditResponse.of(audits.allow(id, caller.name(), request == null ? null : request.reason()));
    }
}
