package io.habitus.incident.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "Which proposals to accept; absent or null accepts all that are proposed now")
record AcceptProposalsRequest(
        @Size(max = 500) @Nullable List<@Pattern(regexp = "^[0-9a-f]{1,16}$", message = "must be a fingerprint in hex") String>
                sequenceFingerprints) {}
