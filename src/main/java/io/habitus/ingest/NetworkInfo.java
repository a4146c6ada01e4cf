package io.habitus.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

@Schema(description = "The connection of a network.connect, network.listen or network.accept event")
public record NetworkInfo(
        @Schema(example = "tcp") @NotNull @Pattern(regexp = "^[a-z0-9]{1,16}$", message = "must be a lower-case protocol name such as tcp or udp")
        String protocol,
        @Schema(example = "5432") @NotNull @Min(0) @Max(65535) Integer port,
        @Schema(description = "Remote (connect, accept) or local (listen) address", example = "10.0.0.7") @Nullable String address) {}
