package io.habitus.profile.web;

import io.habitus.profile.Profile;
import io.habitus.profile.Profiles;
import io.habitus.profile.RuleRef;
import io.habitus.profile.internal.NewRule;
import io.habitus.profile.internal.ProfileEdit;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileProblems;
import io.habitus.security.Caller;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles", description = "Versioned allowlist profiles: read, build, import, edit, diff, activate")
@RestController
@RequestMapping("/api/v1/images/{digest}/profiles")
class ProfileController {


    private final Profiles profiles;

    ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "listProfiles", summary = "List profile versions",
            description = "Newest first; `active` marks the one that judges.")
    @GetMapping
    List<ProfileVersionResponse> list(@PathVariable ImageDigest digest) {
        return profiles.list(digest).stream().map(ProfileVersionResponse::of).toList();
    }

    @Operation(operationId = "getProfile", summary = "Read (export) a profile version",
            description = "All rules with provenance. The body is the export format that `POST …/profiles` imports; "
                    + "the ETag header is what `PATCH` needs in If-Match.")
    @ApiResponse(responseCode = "200", description = "The version", headers = @Header(name = "ETag", required = true, description = "The version's entity tag, for If-Match", schema = @Schema(type = "string")))
    @GetMapping("/{version}")
    ResponseEntity<ProfileResponse> read(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int version) {
        Profile profile = profiles.get(digest, version);
        return ResponseEntity.ok().eTag(profile.version().etag()).body(ProfileResponse.of(profile));
    }

    @Operation(operationId = "createProfile", summary = "Build or import a profile version",
            description = "OBSERVATIONS builds a version from the image's current (or last) learning window; IMPORT "
                    + "takes an exported profile, also one of another image. Answers 201 with the new version.")
    @ApiResponse(responseCode = "201", description = "The new version", headers = {
        @Header(name = "Location", required = true, description = "The new version's URL", schema = @Schema(type = "string", format = "uri-reference")),
        @Header(name = "ETag", required = true, description = "The version's entity tag, for If-Match", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "409", description = "Nothing to build from: the image observed nothing yet, or its learning "
            + "window observed no behaviour")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ProfileResponse> create(@PathVariable ImageDigest digest,
            @Valid @RequestBody CreateProfileRequest request, @AuthenticationPrincipal Caller caller) {
        ImageDigest image = digest;
        boolean activate = Boolean.TRUE.equals(request.activate());
        Profile created = switch (request.source()) {
            case OBSERVATIONS -> profiles.build(image, caller.name(), activate);
            case IMPORT -> importProfile(image, request, caller, activate);
        };
        return created(created);
    }

    @Operation(operationId = "editProfile", summary = "Edit a profile version",
            description = "Adds and removes rules of the latest version, giving a new version (active if the edited "
                    + "one was). Needs If-Match with the ETag of the latest version: a stale one gets 412, a missing "
                    + "one 428; removing an absent rule or adding a present one gets 409.")
    @ApiResponse(responseCode = "201", description = "The new version", headers = {
        @Header(name = "Location", required = true, description = "The new version's URL", schema = @Schema(type = "string", format = "uri-reference")),
        @Header(name = "ETag", required = true, description = "The version's entity tag, for If-Match", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "409", description = "The version is not the latest, or the edit adds a rule the version "
            + "has or removes one it has not")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the version's ETag: re-read it")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    @ResponseStatus(HttpStatus.CREATED)
    @PatchMapping("/{version}")
    ResponseEntity<ProfileResponse> edit(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int version,
            @Parameter(description = "ETag of the version being edited") @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProfileEditRequest request, @AuthenticationPrincipal Caller caller) {
        ProfileEdit edit = new ProfileEdit(
                request.add() == null ? List.of() : request.add().stream()
                        .map(r -> new NewRule(r.kind(), r.pattern(), r.reason())).toList(),
                request.remove() == null ? List.of() : request.remove().stream()
                        .map(r -> new RuleRef(r.kind(), r.pattern())).toList(),
                request.comment());
        return created(profiles.edit(digest, version, ifMatch, edit, caller.name()));
    }

    @Operation(operationId = "diffProfiles", summary = "Diff two profile versions",
            description = "Rules added and removed going from `a` to `b`.")
    @GetMapping("/{a}/diff/{b}")
    ProfileDiffResponse diff(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int a, @PathVariable @Min(1) int b) {
        return ProfileDiffResponse.of(profiles.diff(digest, a, b));
    }

    @Operation(operationId = "activateProfile", summary = "Activate a profile version",
            description = "Makes this version judge the image's events from the next batch on; activating an older "
                    + "version is a rollback.")
    @PostMapping("/{version}/activate")
    ProfileVersionResponse activate(@PathVariable ImageDigest digest,
            @PathVariable @Min(1) int version, @AuthenticationPrincipal Caller caller) {
        return ProfileVersionResponse.of(profiles.activate(digest, version, caller.name()));
    }

    private Profile importProfile(ImageDigest image, CreateProfileRequest request, Caller caller, boolean activate) {
        ImportedProfile imported = request.profile();
        if (imported == null) {
            throw ProfileProblems.invalidEdit("source IMPORT needs a profile");
        }
        List<ProfileEntry> entries = imported.entries().stream().map(r -> r.toEntry(caller.name())).toList();
        if (imported.profile() != null && imported.profile().checksum() != null) {
            profiles.verifyChecksum(entries, imported.profile().checksum());
        }
        String comment = request.comment() != null ? request.comment()
                : imported.profile() == null ? "imported"
                : "imported from " + imported.profile().digest() + " version " + imported.profile().version();
        return profiles.importEntries(image, entries, comment, caller.name(), activate);
    }

    private static ResponseEntity<ProfileResponse> created(Profile profile) {
        return ResponseEntity.created(URI.create("/api/v1/images/" + profile.version().digest() + "/profiles/"
                        + profile.version().version()))
                .eTag(profile.version().etag())
                .body(ProfileResponse.of(profile));
    }
}
