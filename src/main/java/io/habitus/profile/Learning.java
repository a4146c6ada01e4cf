package io.habitus.profile;

import io.habitus.image.Images;
import io.habitus.profile.internal.LearningProperties;
import io.habitus.profile.internal.LearningSettings;
import io.habitus.profile.internal.ObservationStatistics;
import io.habitus.profile.internal.ProfileEntry;
import io.habitus.profile.internal.ProfileProblems;
import io.habitus.profile.persistence.LearningRow;
import io.habitus.profile.persistence.LearningStore;
import io.habitus.profile.persistence.ProfileStore;
import io.habitus.profile.persistence.WindowContainers;
import io.habitus.shared.ImageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** Ends the open window now, builds a profile from it and activates it (see {@link #finish}). */
    public LearningProgress finishNow(ImageDigest digest, String by) {
        images.requireKnown(digest);
        statistics.flush();
        LearningRow seen = row(digest);
        if (!seen.learning()) {
            throw notLearning(digest);
        }
        List<ProfileEntry> built = profileVersions.learnedEntries(seen);
        transaction.executeWithoutResult(status -> {
            Profile profile = profileVersions.createLearned(seen, built, by, false);
            LearningRow row = store.lock(digest.value()).filter(r -> sameOpenWindow(r, seen))
                    .orElseThrow(() -> notLearning(digest));
            finish(row, profile, by, "finished on request by " + by);
        });
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

    /**
     * Finishes every window that is complete and stable; each in its own transaction. A window whose
     * finish fails is left learning, logged and tried again at the next check; the others still finish
     * (they are visited in digest order, so one failing window would otherwise hold up every one after it).
     */
    public int finishCompleteWindows() {
        statistics.flush();
        int finished = 0;
        for (String digest : store.learningDigests()) {
            try {
                if (finishIfDue(digest)) {
                    finished++;
                }
            } catch (RuntimeException e) {
                log.error("finishing the learning window of {} failed; it stays open and is tried again", digest, e);
            }
        }
        return finished;
    }

    private boolean finishIfDue(String digest) {
        Optional<LearningRow> seen = store.find(digest).filter(LearningRow::learning).filter(this::due);
        if (seen.isEmpty()) {
            return false;
        }
        List<ProfileEntry> built = profileVersions.learnedEntries(seen.get());
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Profile profile = profileVersions.createLearned(seen.get(), built, SYSTEM, false);
            Optional<LearningRow> row = store.lockIfFree(digest).filter(r -> sameOpenWindow(r, seen.get()))
                    .filter(this::due);
            if (row.isEmpty()) {
                status.setRollbackOnly(); // finished by another replica, or no longer stable: no version of ours
                return false;
            }
            finish(row.get(), profile, SYSTEM, row.get().finishRequested() ? "finish requested" : "window complete and stable");
            return true;
        }));
    }

    private boolean due(LearningRow row) {
        return row.finishRequested() || progress(row).complete();
    }

    private static boolean sameOpenWindow(LearningRow locked, LearningRow seen) {
        return locked.learning() && locked.windowNo() == seen.windowNo();
    }

    /**
     * Activates {@code profile} and closes the window; {@code row} is the window's row, locked.
     *
     * <p>The profile was built from the window as it was read before that lock, and stored
     * (inactive) before it too: the row lock is what every ingest batch that registers a new token
     * for this window and every statistics flush waits for (and with the flush, every progress
     * read), so it is held only for the activation, not for reading and storing tens of thousands
     * of observations. Closing the window takes effect as of that read: a batch acknowledged while
     * the profile was built counts towards the window, not the profile — as before, when such a
     * batch waited for the lock and was acknowledged once the window had closed without it.
     */
    private void finish(LearningRow row, Profile profile, String by, String reason) {
        ProfileVersion active = profileVersions.activate(new ImageDigest(row.digest()), profile.version().version(), by);
        Instant at = clock.instant();
        store.finish(row.digest(), at, reason);
        events.publishEvent(new LearningFinished(new ImageDigest(row.digest()), row.windowNo(), active.version(), by, at));
        log.info("learning of {} ended ({}): profile version {} with {} entries is active", row.digest(), reason,
                active.version(), active.entryCount());
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
