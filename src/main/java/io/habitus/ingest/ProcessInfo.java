package io.habitus.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The process that caused the event. {@code execId} and {@code parentExecId} are optional ids that
 * sensors such as Tetragon give each execution: unlike pids they are never reused, so they name the
 * acting process and its parent exactly. They are kept with the stored event; container state is
 * still tracked by pid, which is unique among a container's live processes.
 */
@Schema(description = "The process that caused the event")
public record ProcessInfo(
        @Schema(example = "42") @Min(0) @Nullable Long pid,
        @Schema(example = "1") @Min(0) @Nullable Long ppid,
        @Schema(description = "Executable path", example = "/usr/sbin/nginx") @NotBlank String exe,
        @Schema(example = "[\"nginx\", \"-g\", \"daemon off;\"]") @Nullable List<String> args,
        @Schema(example = "101") @Min(0) @Nullable Long uid,
        @Schema(description = "Executable of the parent process", example = "/usr/sbin/nginx") @Nullable String parentExe,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The sensor's unique id of this execution (Tetragon exec_id), never reused like a pid",
                example = "bWluaWt1YmU6MzM0OTc2NjQ2MjgyMjozODMxMw==") @Nullable String execId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The sensor's unique id of the parent's execution (Tetragon parent_exec_id)",
                example = "bWluaWt1YmU6MzM0OTc2MDUxNjExMTozODMxMg==") @Nullable String parentExecId) {

    public ProcessInfo(@Nullable Long pid, @Nullable Long ppid, String exe, @Nullable List<String> args, @Nullable Long uid,
            @Nullable String parentExe) {
        this(pid, ppid, exe, args, uid, parentExe, null, null);
    }
}
