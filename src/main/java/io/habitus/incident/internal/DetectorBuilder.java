package io.habitus.incident.internal;

import io.habitus.incident.persistence.DetectorRow;
import io.habitus.incident.persistence.DetectorStore;
import io.habitus.incident.persistence.TraceStore;
import io.habitus.profile.LearningFinished;
import io.habitus.profile.Profiles;
import io.habitus.shared.ImageDigest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds each learning window's container detector in the background: queued once the end of
 * learning committed (recorded by the event publication registry in that transaction, so a crash
 * cannot lose it), claimed by one replica ({@code SKIP LOCKED}),
 * built from the window's traces and calibrated on its held-out containers.
 */
@Component
class DetectorBuilder {

    private static final Logger log = LoggerFactory.getLogger(DetectorBuilder.class);

    private final DetectorStore detectors;
    private final TraceStore traces;
    private final ActiveDetectors active;
    private final Profiles profiles;
    private final IncidentProperties properties;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    DetectorBuilder(DetectorStore detectors, TraceStore traces, ActiveDetectors active, Profiles profiles,
            IncidentProperties properties, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.detectors = detectors;
        this.traces = traces;
        this.active = active;
        this.profiles = profiles;
        this.properties = properties;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * After the window's end committed, in a transaction of its own, at least once (the event
     * publication registry resubmits it after a crash); queueing is idempotent per window.
     */
    @ApplicationModuleListener(id = "incident.learning-finished")
    void on(LearningFinished finished) {
        detectors.enqueue(finished.digest().value(), finished.window(), finished.profileVersion(), clock.instant());
    }

    @Scheduled(fixedDelayString = "${habitus.incident.poll-interval:1s}")
    void buildPending() {
        while (true) {
            try {
                if (!Boolean.TRUE.equals(transaction.execute(status -> buildOne()))) {
                    return; // none pending
                }
            } catch (BuildFailed failure) {
                // Recorded after the build's transaction rolled back, in one of its own: a call inside the build may
                // have marked that one rollback-only, and a failure kept only there would leave the window pending,
                // claimed and failing again on every poll ahead of every window queued after it.
                log.error("building container detector {} of {} failed", failure.row.id(), failure.row.digest(), failure.getCause());
                transaction.executeWithoutResult(status -> detectors.failed(failure.row.id(), failure.getCause().toString()));
                active.forget(failure.row.digest());
            }
        }
    }

    /** One pending detector built in the caller's transaction: false if none was pending. */
    private boolean buildOne() {
        return detectors.claimPending().map(row -> {
            try {
                Map<String, DetectorCalibration.Trace> windowTraces = new LinkedHashMap<>();
                traces.load(row.digest(), row.window()).forEach((container, chunk) -> windowTraces.put(container,
                        new DetectorCalibration.Trace(chunk.fingerprints(), chunk.locals(), chunk.actions(), chunk.pairs())));
                DetectorCalibration.Result result = DetectorCalibration.calibrate(windowTraces, properties.folds(),
                        properties.targetContainerRate(), properties.modelShare(), properties.maxMixReferences(),
                        rulesOfOneContainer(row));
                detectors.ready(row.id(), result.learned().toBytes(), result.novelty().rates(), result.novelty().dispersions(),
                        result.novelty().thresholds(),
                        result.mix().toBytes(), result.mixThreshold(), result.rarity().toBytes(), result.rarityThreshold(), result.longRarityThreshold(),
                        result.violationOpens(), result.newActionOpens(), json.writeValueAsString(result.statistics()),
                        clock.instant());
                log.info("container detector {} of {} window {} ready: threshold {}, {}", row.id(), row.digest(),
                        row.window(), result.threshold(), result.statistics());
            } catch (RuntimeException e) {
                throw new BuildFailed(row, e);
            }
            active.forget(row.digest());
            return true;
        }).orElse(false);
    }

    /** A detector's build failed; its transaction rolls back before the failure is recorded. */
    private static final class BuildFailed extends RuntimeException {

        private final transient DetectorRow row;

        BuildFailed(DetectorRow row, RuntimeException cause) {
            super(cause);
            this.row = row;
        }
    }

    /**
     * How many learned rules of the window's profile only one learning container showed: without that
     * container the rule would not exist, so it is what a fresh normal container breaking the profile
     * looks like (an upper bound on such containers; the profile's generalisations already applied).
     * Empty for detectors queued before the window's profile version was kept.
     */
    private OptionalLong rulesOfOneContainer(DetectorRow row) {
        if (row.profileVersion() == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(profiles.learnedRulesOfOneContainer(new ImageDigest(row.digest()), row.profileVersion()));
    }
}
