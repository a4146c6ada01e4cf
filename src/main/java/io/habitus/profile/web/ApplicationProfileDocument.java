package io.habitus.profile.web;

import io.habitus.profile.EnforcementRules;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

@Schema(description = "A Kubescape ApplicationProfile (spdx.softwarecomposition.kubescape.io/v1beta1) of a profile version: "
        + "one container with its executables, files, system calls. Network rules are in the NetworkNeighborhood export")
record ApplicationProfileDocument(
        @Schema(example = ApplicationProfileDocument.API_VERSION) String apiVersion,
        @Schema(example = "ApplicationProfile") String kind,
        KubernetesMetadata metadata,
        ApplicationProfileSpec spec) {

    static final String API_VERSION = "spdx.softwarecomposition.kubescape.io/v1beta1";

    @Schema(description = "The containers of the workload: Habitus knows one per image")
    record ApplicationProfileSpec(
            @Schema(example = "[\"amd64\"]") List<String> architectures,
            List<ApplicationProfileContainer> containers,
            List<ApplicationProfileContainer> initContainers,
            List<ApplicationProfileContainer> ephemeralContainers) {}

    @Schema(description = "What one container does")
    record ApplicationProfileContainer(
            @Schema(description = "Kubescape matches it with the container's name in the pod spec; Habitus knows the "
                    + "image's, so check it", example = "nginx") String name,
            @Schema(description = "The image digest") String imageID,
            @Schema(description = "The image's first name seen, or empty", example = "nginx:1.27") String imageTag,
            @Schema(description = "Always empty: Habitus does not observe capabilities") List<String> capabilities,
            List<ExecCall> execs,
            List<OpenCall> opens,
            @Schema(example = "[\"accept4\", \"read\"]") List<String> syscalls,
            @Schema(description = "Always empty: Kubescape's endpoints are HTTP requests, which Habitus does not see")
            List<String> endpoints) {}

    @Schema(description = "An executable the container runs; without args, which Kubescape then does not compare")
    record ExecCall(@Schema(example = "/usr/sbin/nginx") String path) {}

    @Schema(description = "A file the container opens, with the access modes the profile allows")
    record OpenCall(
            @Schema(example = "/proc/\u22ef/status") String path,
            @Schema(example = "[\"O_RDONLY\"]") List<String> flags) {}

    static ApplicationProfileDocument of(EnforcementRules rules, String name) {
        List<ExecCall> execs = rules.executables().stream().map(KubescapePaths::of).distinct().map(ExecCall::new).toList();
        List<OpenCall> opens = new ArrayList<>();
        rules.files().forEach((path, access) -> {
            List<String> flags = new ArrayList<>();
            if (access.read()) {
                flags.add("O_RDONLY");
            }
            if (access.write()) {
                flags.add("O_WRONLY");
            }
            opens.add(new OpenCall(KubescapePaths.of(path), flags));
        });
        String imageTag = rules.imageNames().isEmpty() ? "" : rules.imageNames().getFirst();
        ApplicationProfileContainer only = new ApplicationProfileContainer(ExportMetadata.containerName(rules),
                rules.version().digest().value(), imageTag, List.of(), execs, opens, List.copyOf(rules.syscalls()), List.of());
        return new ApplicationProfileDocument(API_VERSION, "ApplicationProfile",
                ExportMetadata.of(rules, name, rules.omitted()),
                new ApplicationProfileSpec(List.of("amd64"), List.of(only), List.of(), List.of()));
    }
}
