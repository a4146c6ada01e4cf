package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

@Schema(description = "Kubernetes object metadata: the name, and annotations saying which profile version this is and what "
        + "could not be exported")
record KubernetesMetadata(
        @Schema(description = "A DNS subdomain name", example = "habitus-nginx-4c1e9d0b5f2a-v3") String name,
        @Schema(example = "{\"habitus.io/image-digest\": \"sha256:4c1e…\", \"habitus.io/profile-version\": \"3\"}")
        Map<String, String> annotations) {}
