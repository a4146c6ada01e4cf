package io.habitus.incident.persistence;

import java.time.Instant;

/**
 * A detector row; {@code learned} and the figures are null until it is READY. The process's own
 * novelty rates are null for detectors built before those lengths were learned, and whether a broken
 * rule opens an incident at once for detectors built before that was calibrated (they open one), as is
 * the profile version of the window for detectors queued before it was kept, and the rarity counts and
 * threshold for detectors built before rarity was learned (no rarity evidence).
 */
public record DetectorRow(long id, String digest, int window, String status, Instant createdAt, Instant readyAt,
        byte[] learned, Double noveltyRate, Double threshold, byte[] mix, Double mixThreshold, String statistics,
        String error, Double localNoveltyRate, Double actionNoveltyRate, Double localThreshold, Double actionThreshold,
        Boolean violationOpens, Integer profileVersion, byte[] rarity, Double rarityThreshold) {}
