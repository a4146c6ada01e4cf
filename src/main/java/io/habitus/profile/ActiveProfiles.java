package io.habitus.profile;

import io.habitus.profile.internal.ProfileProblems;
import io.habitus.profile.internal.RuleSet;
import io.habitus.profile.persistence.ProfileStore;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.database.ActiveVersions;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The active profiles, held in memory: which version is active per image ({@link ActiveVersions},
 * refreshed every second, at once after a local activation commits) and that version's rules,
 * loaded when the version changes. Batches and score calls ask no query of their own.
 */
@Service
public class ActiveProfiles {

    private final ProfileStore store;
    private final Map<String, ActiveProfile> cache = new ConcurrentHashMap<>();
    private final ActiveVersions versions;

    ActiveProfiles(ProfileStore store) {
        this.store = store;
        this.versions = new ActiveVersions("profile", digests -> {
            Map<String, Integer> active = new HashMap<>();
            store.activeHeads(digests).forEach(head -> active.put(head.digest(), head.activeVersion()));
            return active;
        });
    }

    /** The active profile of each given image that has one. */
    public Map<String, ActiveProfile> forDigests(Collection<String> digests) {
        Map<String, ActiveProfile> active = new HashMap<>();
        versions.of(digests).forEach((digest, version) -> {
            ActiveProfile cached = cache.get(digest);
            if (cached == null || cached.version() != version) {
                cached = load(digest, version);
                cache.put(digest, cached);
            }
            active.put(digest, cached);
        });
        return active;
    }

    /** Activations on other replicas reach this one within a refresh interval. */
    @Scheduled(fixedDelayString = "${habitus.active-refresh-interval:1s}")
    void refresh() {
        versions.refreshOrKeep();
    }

    /** An activation on this replica counts from its commit. */
    @EventListener
    void on(ProfileActivated activated) {
        versions.forgetAfterCommit(activated.digest().value());
    }

    private ActiveProfile load(String digest, int version) {
        ImageDigest image = new ImageDigest(digest);
        ProfileVersion header = store.version(image, version).orElseThrow(() -> ProfileProblems.noVersion(digest, version));
        return new ActiveProfile(image, version, header.checksum(), new RuleSet(store.entries(digest, version)));
    }
}
