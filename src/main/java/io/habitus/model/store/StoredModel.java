package io.habitus.model.store;

import java.time.Instant;

/** A model version as stored: the model text with its checksum, and what is shown about it. */
public record StoredModel(
        String digest, int version, int formatVersion, String text, String sha256, String featureSpecJson,
        String hyperParametersJson, double threshold, String statisticsJson, Integer profileVersion, int windowNo,
        int sampleDistinct, long sampleEvents, String codeVersion, Instant trainedAt, Long jobId, boolean active) {}
