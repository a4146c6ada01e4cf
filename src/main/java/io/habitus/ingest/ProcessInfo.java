package io.habitus.ingest;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

@Schema(description = "The process that caused the event")
public record ProcessInfo(
        @Schema(example = "42") @Min(0) Long pid,
        @Schema(example = "1") @Min(0) Long ppid,
        @Schema(description = "Executable path", example = "/usr/sbin/nginx") @NotBlank String exe,
        @Schema(example = "[\"nginx\", \"-g\", \"daemon off;\"]") List<String> args,
        @Schema(example = "101") @Min(0) Long uid,
        @Schema(description = "Executable of the parent process", example = "/usr/sbin/nginx") String parentExe) {}
