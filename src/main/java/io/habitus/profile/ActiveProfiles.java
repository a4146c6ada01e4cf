package io.habitus.profile;

import io.habitus.profile.persistence.ProfileHead;
import io.habitus.profile.persistence.ProfileStore;
import io.habitus.shared.ImageDigest;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The active profiles, held in memory. Each lookup asks the database which version is active
 * (one small query per batch), so an activation on any replica takes effect on all of them with
 * the next batch; rules are loaded only when that version changed.
 */
@Service
public class ActiveProfiles {

    private final ProfileStore store;
    private final Map<String, ActiveProfile> cache = new ConcurrentHashMap<>();

    ActiveProfiles(ProfileStore store) {
        this.store = store;
    }

    /** The active profile of each given image that has one. */
    @Transactional(readOnly = true)
    public Map<String, ActiveProfile> forDigests(Collection<String> digests) {
        Map<String, ActiveProfile> active = new HashMap<>();
        for (ProfileHead head : store.activeHeads(digests)) {
            ActiveProfile cached = cache.get(head.digest());
            if (cached == null || cached.version() != head.activeVersion()) {
                cached = load(head.digest(), head.activeVersion());
                cache.put(head.digest(), cached);
            }
            active.put(head.digest(), cached);
        }
        return active;
    }

    private ActiveProfile load(String digest, int version) {
        ImageDigest image = new ImageDigest(digest);
        ProfileVersion header = store.version(image, version).orElseThrow(() -> ProfileProblems.noVersion(digest, version));
        return new ActiveProfile(image, version, header.checksum(), new RuleSet(store.entries(digest, version)));
    }
}
