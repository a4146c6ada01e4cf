package io.habitus.incident.persistence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A detector row; {@code learned} and the figures are null until it is READY. The process's own
 * novelty rates are null for detectors built before those lengths were learned, and whether a broken
 * rule opens an incident at once for detectors built before that was calibrated (they open one), as is
 * the profile version of the window for detectors queued before it was kept, and the rarity counts and
 * threshold for detectors built before rarity was learned (no rarity evidence), and the long memory's
 * rarity threshold for detectors built before it was calibrated (the short memory's level alone), and
 * whether a process's new action opens an incident at once for detectors built before that was
 * calibrated (they weigh it as novelty only), and the lengths' novelty dispersions for detectors built
 * before they were measured (binomial novelty).
 */
public record DetectorRow(long id, String digest, int window, String status, Instant createdAt,
        @Nullable Instant readyAt, byte @Nullable [] learned, @Nullable Double noveltyRate, @Nullable Double threshold,
        byte @Nullable [] mix, @Nullable Double mixThreshold, @Nullable String statistics, @Nullable String error,
        @Nullable Double localNoveltyRate, @Nullable Double actionNoveltyRate, @Nullable Double localThreshold,
        @Nullable Double actionThreshold, @Nullable Boolean violationOpens, @Nullable Integer profileVersion,
        byte @Nullable [] rarity, @Nullable Double rarityThreshold, @Nullable Double longRarityThreshold,
        @Nullable Boolean newActionOpens, double @Nullable [] noveltyDispersions) {}
