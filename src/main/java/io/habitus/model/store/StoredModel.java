package io.habitus.model.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A model version as stored: the model text with its checksum, and what is shown about it. */
public record StoredModel(
        String digest, int version, int formatVersion, String text, String sha256, String featureSpecJson,
        String hyperParametersJson, double threshold, String statisticsJson, @Nullable Integer profileVersion, int windowNo,
        int sampleDistinct, long sampleEvents, String codeVersion, Instant trainedAt, @Nullable Long jobId, boolean active) {}
