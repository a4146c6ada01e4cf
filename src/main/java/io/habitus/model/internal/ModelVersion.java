package io.habitus.model.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stored model version as people see it: parameters, threshold, statistics and provenance.
 *
 * @param sha256 checksum of the stored model text; a model whose text does not match is never used
 */
public record ModelVersion(
        String digest, int version, int formatVersion, String sha256, JsonNode featureSpec, JsonNode hyperParameters,
        double threshold, JsonNode statistics, @Nullable Integer profileVersion, int windowNo, int sampleDistinct,
        long sampleEvents, @Nullable String codeVersion, Instant trainedAt, @Nullable Long jobId, boolean active) {}
