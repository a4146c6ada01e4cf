package io.habitus.profile.web;

import io.habitus.profile.ProfileExports;
import io.habitus.profile.SeccompMode;
import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Profiles")
@RestController
@RequestMapping("/api/v1/images/{digest}/profiles/{version}/exports")
class ProfileExportController {

    private static final String MODE = "ENFORCE: calls outside the profile fail with EPERM (SCMP_ACT_ERRNO); LOG: they are "
            + "allowed and logged (SCMP_ACT_LOG), to try a profile before enforcing it";
    private static final String NAME = "The object's name; default habitus-<image>-<12 hex of the digest>-v<version>";
    private static final String SECCOMP_409 = "In mode ENFORCE, the profile has no system call rules, or none for execve: "
            + "its sensor did not trace every call, and the filter would stop the container. Mode LOG always answers";

    private final ProfileExports exports;

    ProfileExportController(ProfileExports exports) {
        this.exports = exports;
    }

    @Operation(operationId = "exportSeccompProfile", summary = "Export a profile version as a SeccompProfile",
            description = "A Security Profiles Operator SeccompProfile allowing the version's system calls on x86_64 "
                    + "(numbered ones named by the x86_64 table). File, process and network rules have no seccomp form; "
                    + "`habitus.io/omitted` names what could not be exported. See docs/profile-exports.md.")
    @ApiResponse(responseCode = "200", description = "The SeccompProfile")
    @ApiResponse(responseCode = "409", description = SECCOMP_409)
    @GetMapping("/seccomp-profile")
    SeccompProfileDocument seccompProfile(@PathVariable ImageDigest digest, @PathVariable @Min(1) int version,
            @Parameter(description = MODE) @RequestParam(defaultValue = "ENFORCE") SeccompMode mode,
            @Parameter(description = NAME) @RequestParam(required = false) @Pattern(regexp = ExportMetadata.NAME_PATTERN) String name) {
        return SeccompProfileDocument.of(exports.seccomp(digest, version, mode), name);
    }

    @Operation(operationId = "exportOciSeccomp", summary = "Export a profile version as OCI seccomp JSON",
            description = "The same filter as the SeccompProfile's spec, as `docker run --security-opt seccomp=<file>`, "
                    + "Podman and the OCI runtime specification take it.")
    @ApiResponse(responseCode = "200", description = "The seccomp filter")
    @ApiResponse(responseCode = "409", description = SECCOMP_409)
    @GetMapping("/oci-seccomp")
    SeccompFilter ociSeccomp(@PathVariable ImageDigest digest, @PathVariable @Min(1) int version,
            @Parameter(description = MODE) @RequestParam(defaultValue = "ENFORCE") SeccompMode mode) {
        return SeccompFilter.of(exports.seccomp(digest, version, mode));
    }

    @Operation(operationId = "exportApplicationProfile", summary = "Export a profile version as a Kubescape ApplicationProfile",
            description = "Executables (without parents or arguments), files with their access modes, and system calls; "
                    + "path patterns in Kubescape's wildcards. See docs/profile-exports.md for what is lost.")
    @GetMapping("/application-profile")
    ApplicationProfileDocument applicationProfile(@PathVariable ImageDigest digest, @PathVariable @Min(1) int version,
            @Parameter(description = NAME) @RequestParam(required = false) @Pattern(regexp = ExportMetadata.NAME_PATTERN) String name) {
        return ApplicationProfileDocument.of(exports.rules(digest, version), name);
    }

    @Operation(operationId = "exportNetworkNeighborhood", summary = "Export a profile version as a Kubescape NetworkNeighborhood",
            description = "Ports accepted and listened on (ingress) and connected to (egress), from and to any address.")
    @GetMapping("/network-neighborhood")
    NetworkNeighborhoodDocument networkNeighborhood(@PathVariable ImageDigest digest, @PathVariable @Min(1) int version,
            @Parameter(description = NAME) @RequestParam(required = false) @Pattern(regexp = ExportMetadata.NAME_PATTERN) String name) {
        return NetworkNeighborhoodDocument.of(exports.rules(digest, version), name);
    }
}
