package io.habitus.profile;

import io.habitus.image.Images;
import io.habitus.profile.persistence.LearningRow;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ProfileStore;
import io.habitus.profile.persistence.WindowContainers;
import io.habitus.shared.ImageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The learning lifecycle: a window opens with an image's first event (or on relearn), collects
 * observations, and ends when it is complete and stable — or when a person says so. Then a
 * profile version is built from it and activated. During a relearn the previous profile keeps
 * judging until the new one is active, so protection never lapses.
 */
@Service
public class Learning {

    static final String SYSTEM = "habitus";
    private static final Logger log = LoggerFactory.getLogger(Learning.class);

    private final LearningStore store;
    private final ProfileStore profiles;
    private final Profiles profileVersions;
    private final Images images;
    private final LearningProperties defaults;
    private final TransactionTemplate transaction;
    private final ObservationStatistics statistics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Learning(LearningStore store, ProfileStore profiles, Profiles profileVersions, Images images,
            LearningProperties defaults, TransactionTemplate transaction, ObservationStatistics statistics,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.profileVersions = profileVersions;
        this.images = images;
        this.defaults = defaults;
        this.transaction = transaction;
        this.statistics = statistics;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LearningProgress progress(ImageDigest digest) {
        images.requireKnown(digest);
        statistics.flush();
        return progress(row(digest));
    }

    /** Ends the open window now, builds a profile from it and activates it. */
    @Transactional
    public LearningProgress finishNow(ImageDigest digest, String by) {
        images.requireKnown(digest);
        statistics.flush();
        LearningRow row = store.lock(digest.value()).orElseThrow(() -> notLearning(digest));
        if (!row.learning()) {
            throw notLearning(digest);
        }
        finish(row, by, "finished on request by " + by);
        return progress(row(digest));
    }

    /** Changes this image's targets; with an open window they apply to it at once. */
    @Transactional
    public LearningProgress configure(ImageDigest digest, LearningSettings settings) {
        images.requireKnown(digest);
        store.lock(digest.value()).orElseThrow(() -> notLearning(digest));
        store.override(digest.value(), settings.window(), settings.stability(), settings.minEvents(), settings.minContainers());
        return progress(row(digest));
    }

    /** Opens a new window; the active profile keeps judging until the new one replaces it. */
    @Transactional
    public LearningProgress relearn(ImageDigest digest, String by) {
        images.requireKnown(digest);
        LearningRow row = store.lock(digest.value()).orElseThrow(() -> notLearning(digest));
        if (row.learning()) {
            throw ProfileProblems.conflict("Image " + digest + " is already learning (window " + row.windowNo() + ")");
        }
        int window = store.startWindow(digest.value(), clock.instant());
        log.info("{} opened learning window {} of {}", by, window, digest);
        return progress(row(digest));
    }

    /** Finishes every window that is complete and stable; each in its own transaction. */
    public int finishCompleteWindows() {
        statistics.flush();
        int finished = 0;
        for (String digest : store.learningDigests()) {
            Boolean done = transaction.execute(status -> store.lockIfFree(digest)
                    .filter(LearningRow::learning)
                    .filter(row -> row.finishRequested() || progress(row).complete())
                    .map(row -> {
                        finish(row, SYSTEM, row.finishRequested() ? "finish requested" : "window complete and stable");
                        return true;
                    })
                    .orElse(false));
            if (Boolean.TRUE.equals(done)) {
                finished++;
            }
        }
        return finished;
    }

    private void finish(LearningRow row, String by, String reason) {
        Profile profile = profileVersions.buildFrom(row, by, true);
        store.finish(row.digest(), clock.instant(), reason);
        events.publishEvent(new LearningFinished(new ImageDigest(row.digest()), row.windowNo(),
                profile.version().version(), by));
        log.info("learning of {} ended ({}): profile version {} with {} entries is active", row.digest(), reason,
                profile.version().version(), profile.entries().size());
    }

    private LearningProgress progress(LearningRow row) {
        WindowContainers containers = store.containers(row.digest(), row.windowNo());
        Duration window = Optional.ofNullable(row.windowOverride()).orElse(defaults.window());
        Duration stability = Optional.ofNullable(row.stabilityOverride()).orElse(defaults.stability());
        long minEvents = Optional.ofNullable(row.minEventsOverride()).orElse(defaults.minEvents());
        int minContainers = Optional.ofNullable(row.minContainersOverride()).orElse(defaults.minContainers());
        Duration stableFor = row.lastEventAt() == null || row.lastNewTokenAt() == null ? Duration.ZERO
                : Duration.between(row.lastNewTokenAt(), row.lastEventAt());
        boolean complete = row.learning() && row.events() >= minEvents && containers.containers() >= minContainers
                && containers.containerTime().compareTo(window) >= 0 && stableFor.compareTo(stability) >= 0;
        boolean relearning = row.learning() && profiles.head(new ImageDigest(row.digest()))
                .map(h -> h.activeVersion() != null).orElse(false);
        return new LearningProgress(new ImageDigest(row.digest()), row.learning(), relearning, row.windowNo(),
                row.startedAt(), row.events(), row.tokens(), containers.containers(), containers.nodes(),
                containers.containerTime(), stableFor, row.partial(), window, stability, minEvents, minContainers,
                complete, row.finishedAt(), row.finishReason());
    }

    private LearningRow row(ImageDigest digest) {
        return store.find(digest.value()).orElseThrow(() -> notLearning(digest));
    }

    private static RuntimeException notLearning(ImageDigest digest) {
        return ProfileProblems.conflict("Image " + digest + " has no open learning window");
    }

}
