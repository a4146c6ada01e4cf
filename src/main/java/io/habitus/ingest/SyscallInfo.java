package io.habitus.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

@Schema(description = "The system call of a syscall event, named by name, by number, or both (at least one)")
public record SyscallInfo(
        @Schema(example = "ptrace") @Pattern(regexp = "^[a-z0-9_]{1,64}$", message = "must be a lower-case system call name")
        @Nullable String name,
        @Schema(description = "Number, for tracers that only know numbers", example = "101") @Min(0) @Nullable Integer nr) {}
