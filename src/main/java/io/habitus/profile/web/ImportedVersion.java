package io.habitus.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The header of an exported profile as an import reads it: an export's other header fields are
 * accepted and ignored. Its own schema, not the answer's, so that the answer's fields can all be
 * required while an import may leave them out.
 */
@Schema(description = "The exported version's header; all fields optional, others ignored")
record ImportedVersion(
        @Schema(description = "The image it was exported from") @Size(max = 200) @Nullable String digest,
        @Schema(description = "The exported version number") @Nullable Integer version,
        @Schema(description = "SHA-256 over the rules: the import is refused when the entries do not match it")
        @Size(max = 64) @Nullable String checksum) {}
