package io.habitus.incident.web;

import io.habitus.incident.Incidents;
import io.habitus.incident.Severity;
import io.habitus.incident.internal.DetectorView;
import io.habitus.incident.internal.Incident;
import io.habitus.incident.internal.IncidentFilter;
import io.habitus.incident.internal.IncidentStatus;
import io.habitus.incident.internal.ProposedSequence;
import io.habitus.security.Caller;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Incidents", description = "Containers whose evidence crossed their image's threshold, and what people do about them")
@Validated
@RestController
class IncidentController {

    private final Incidents incidents;

    IncidentController(Incidents incidents) {
        this.incidents = incidents;
    }

    @Operation(operationId = "listIncidents", summary = "List incidents",
            description = "Newest first, filtered; follow `nextCursor` for more. Dry-run incidents (opened while the "
                    + "image's detector was in its dry run) are listed with `dryRun: true`.")
    @GetMapping("/api/v1/incidents")
    IncidentPageResponse list(
            @RequestParam(required = false) @Nullable ImageDigest image,
            @Parameter(description = "Container id") @RequestParam(required = false) @Size(max = 256) @Nullable String container,
            @RequestParam(required = false) @Nullable IncidentStatus status,
            @Parameter(description = "Severity (as it stands now, not at opening)") @RequestParam(required = false) @Nullable Severity severity,
            @Parameter(description = "true: only dry-run incidents (recorded, not alerted); false: only alerted ones")
            @RequestParam(required = false) @Nullable Boolean dryRun,
            @Parameter(description = "Opened at or after (ISO-8601)") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "Opened before (ISO-8601)") @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "From a previous page's nextCursor") @RequestParam(required = false) @Size(max = 100) @Nullable String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return IncidentPageResponse.of(incidents.list(new IncidentFilter(image == null ? null : image.value(), container, status, severity, dryRun, from, to), cursor, limit));
    }

    @Operation(operationId = "getIncident", summary = "Read an incident, with the events that raised it")
    @GetMapping("/api/v1/incidents/{id}")
    Incident read(@PathVariable long id) {
        return incidents.find(id);
    }

    @Operation(operationId = "acknowledgeIncident", summary = "Acknowledge an open incident", description = "409 unless it is OPEN.")
    @ApiResponse(responseCode = "200", description = "The incident after the action")
    @ApiResponse(responseCode = "409", description = "The incident is not OPEN")
    @PostMapping("/api/v1/incidents/{id}/acknowledge")
    Incident acknowledge(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable IncidentActionRequest request,
            @AuthenticationPrincipal Caller caller) {
        return incidents.acknowledge(id, caller.name(), note(request));
    }

    @Operation(operationId = "resolveIncident", summary = "Resolve an incident",
            description = "Ends the container's episode; its next events start from no evidence. 409 if already closed.")
    @ApiResponse(responseCode = "200", description = "The incident after the action")
    @ApiResponse(responseCode = "409", description = "The incident is already closed")
    @PostMapping("/api/v1/incidents/{id}/resolve")
    Incident resolve(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable IncidentActionRequest request,
            @AuthenticationPrincipal Caller caller) {
        return incidents.resolve(id, caller.name(), note(request));
    }

    @Operation(operationId = "markIncidentFalsePositive", summary = "Mark an incident a false positive",
            description = "Ends the episode, and the sequences that raised it count as learned for the image from now on. "
                    + "409 if already closed.")
    @ApiResponse(responseCode = "200", description = "The incident after the action")
    @ApiResponse(responseCode = "409", description = "The incident is already closed")
    @PostMapping("/api/v1/incidents/{id}/false-positive")
    Incident falsePositive(@PathVariable long id, @Valid @RequestBody(required = false) @Nullable IncidentActionRequest request,
            @AuthenticationPrincipal Caller caller) {
        return incidents.markFalsePositive(id, caller.name(), note(request));
    }

    @Operation(operationId = "listContainerDetectors", summary = "An image's container detectors",
            description = "One per learning window, newest first: its calibration on held-out containers, its threshold, "
                    + "and how its dry run went (incidents raised, of them in the dry run).")
    @GetMapping("/api/v1/images/{digest}/detectors")
    List<DetectorView> detectors(@PathVariable ImageDigest digest) {
        return incidents.detectors(digest);
    }

    @Operation(operationId = "listDryRunProposals", summary = "What a detector's dry run proposes as normal",
            description = "Sequences that raised dry-run incidents on several containers and nodes "
                    + "(habitus.incident.proposal-containers, …-nodes). Nothing is learned until a person accepts them.")
    @GetMapping("/api/v1/images/{digest}/detectors/{id}/proposals")
    List<ProposedSequence> proposals(@PathVariable ImageDigest digest,
            @PathVariable long id) {
        return incidents.proposals(digest, id);
    }

    @Operation(operationId = "acceptDryRunProposals", summary = "Accept dry-run proposals in one step",
            description = "The accepted sequences count as learned for the image from now on (on every replica within "
                    + "a refresh). Answers the proposals accepted.")
    @PostMapping("/api/v1/images/{digest}/detectors/{id}/proposals/accept")
    List<ProposedSequence> acceptProposals(@PathVariable ImageDigest digest,
            @PathVariable long id, @Valid @RequestBody(required = false) @Nullable AcceptProposalsRequest request) {
        return incidents.acceptProposals(digest, id, request == null ? null : request.sequenceFingerprints());
    }

    private static @Nullable String note(@Nullable IncidentActionRequest request) {
        return request == null ? null : request.note();
    }
}
