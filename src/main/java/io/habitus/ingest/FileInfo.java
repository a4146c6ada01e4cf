package io.habitus.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

@Schema(description = "The file of a file.read or file.write event")
public record FileInfo(@Schema(example = "/etc/nginx/nginx.conf") @NotBlank String path) {}
