package io.habitus.sensor.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

@Schema(description = "Records of a batch skipped for one reason (and, where it says more, one kind, function, rule or image)")
public record SkipCount(
        @Schema(example = "unsupported-kind") SkipReason reason,
        @Schema(description = "The kind, kprobe function, Falco rule or image concerned; null where the reason says it all",
                example = "process_connect") @Nullable String what,
        @Schema(example = "3") int count) {}
