package io.habitus.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One observation from an agent, as the ingest contract defines it. Which of {@code file},
 * {@code network} and {@code syscall} is required depends on {@link #type()}; unknown fields are
 * ignored (and kept in the stored raw event) so that newer agents can talk to older services.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One runtime event")
public record RuntimeEvent(
        @Schema(description = "When it happened (ISO-8601)", example = "2026-11-28T10:00:00.123Z") @NotNull Instant time,
        @Schema(example = "process.exec") @NotNull EventType type,
        @NotNull @Valid ContainerRef container,
        @NotNull @Valid ProcessInfo process,
        @Schema(description = "Required for file.read and file.write") @Valid @Nullable FileInfo file,
        @Schema(description = "Required for network.connect, network.listen and network.accept") @Valid @Nullable NetworkInfo network,
        @Schema(description = "Required for syscall") @Valid @Nullable SyscallInfo syscall) {}
