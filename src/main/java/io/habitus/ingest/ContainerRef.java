package io.habitus.ingest;

import io.habitus.shared.ImageDigest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

@Schema(description = "The container an event happened in")
public record ContainerRef(
        @Schema(description = "Runtime id of the container", example = "3f9c2a7d5e1b")
        @NotBlank String id,
        @Schema(description = "Image name or tag as the runtime reports it", example = "nginx:1.27")
        @Nullable String image,
        @Schema(description = "Image digest: the identity Habitus learns per",
                example = "sha256:4c1e9d0b5f2a7e3c8d6b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d")
        @NotNull @Pattern(regexp = ImageDigest.PATTERN, message = ImageDigest.FORMAT)
        String imageDigest,
        @Schema(example = "node-a") @Nullable String node,
        @Schema(example = "web") @Nullable String namespace,
        @Schema(example = "nginx-7d9f") @Nullable String pod,
        @Schema(example = "prod-eu") @Nullable String cluster) {}
