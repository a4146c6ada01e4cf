package io.habitus.audit.web;

import io.habitus.audit.internal.Audit;
import io.habitus.audit.internal.AuditStatus;
import io.habitus.audit.internal.AuditTransition;
import io.habitus.shared.Verdict;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

@Schema(description = "A recorded deviation")
record AuditResponse(
        long id,
        @Schema(description = "Image digest") String image,
        String containerId,
        @Nullable String node,
        Verdict verdict,
        @Schema(description = "Kind of the rule that failed", example = "PROCESS") @Nullable String ruleKind,
        @Schema(description = "The generalised behaviour that failed", example = "/bin/sh <- /usr/sbin/nginx") String ruleValue,
        @Schema(description = "The same before generalisation") @Nullable String rawValue,
        @Schema(example = "binary /bin/sh (started by /usr/sbin/nginx) is not in the profile") String reason,
        @Schema(description = "The (first) event, as ingested") JsonNode event,
        Instant firstSeen,
        Instant lastSeen,
        @Schema(description = "How often this container repeated it within the dedup window") long occurrences,
        @Nullable Integer profileVersion,
        @Nullable String profileChecksum,
        @Nullable Integer modelVersion,
        @Nullable Double score,
        @Nullable Double threshold,
        AuditStatus status,
        @Nullable String resolvedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolutionReason,
        @Schema(description = "The profile version that allowed it") @Nullable Integer allowedInVersion,
        @Schema(description = "The moment it happened in; null on audits recorded before transitions were kept")
        @Nullable AuditTransition transition) {

    static AuditResponse of(Audit a) {
        return new AuditResponse(a.id(), a.digest(), a.containerId(), a.node(), a.verdict(), a.ruleKind(), a.ruleValue(),
                a.rawValue(), a.reason(), a.event(), a.firstSeen(), a.lastSeen(), a.occurrences(), a.profileVersion(),
                a.profileChecksum(), a.modelVersion(), a.score(), a.threshold(), a.status(), a.resolvedBy(),
                a.resolvedAt(), a.resolutionReason(), a.allowedInVersion(), a.transition());
    }
}
