package io.habitus.shared.database;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of something (a profile, a model) is active per image, held in memory so that the
 * hot paths (every ingested batch, every score call) do not ask the database each time. A digest
 * seen for the first time is loaded; {@link #refresh()} (run by the owner about once a second)
 * reloads every known digest in one query, so an activation on another replica takes effect here
 * within that period; an activation on this replica takes effect as soon as it commits.
 */
public final class ActiveVersions {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersions.class);

    /** Cached for digests known to have no active version, so they are not asked for again. */
    private static final int NONE = 0;

    private final String what;
    private final Function<Collection<String>, Map<String, Integer>> load;
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    /** Bumped by every forget: a load that started before one must not cache what it read. */
    private final AtomicLong forgets = new AtomicLong();

    /**
     * @param what what is versioned, for log lines ("profile", "model")
     * @param load the active versions of the given digests; digests without one are left out
     */
    public ActiveVersions(String what, Function<Collection<String>, Map<String, Integer>> load) {
        this.what = what;
        this.load = load;
    }

    /** The active version of each given digest that has one. */
    public Map<String, Integer> of(Collection<String> digests) {
        Map<String, Integer> active = new HashMap<>();
        List<String> unknown = null;
        for (String digest : digests) {
            Integer version = versions.get(digest);
            if (version == null) {
                if (unknown == null) {
                    unknown = new ArrayList<>();
                }
                unknown.add(digest);
            } else if (version != NONE) {
                active.put(digest, version);
            }
        }
        if (unknown != null) {
            long before = forgets.get();
            Map<String, Integer> loaded = load.apply(unknown);
            active.putAll(loaded);
            if (forgets.get() == before) {
                unknown.forEach(digest -> versions.put(digest, loaded.getOrDefault(digest, NONE)));
            }
        }
        return active;
    }

    /** {@link #refresh()} for schedulers: a failure is logged and the known versions are kept. */
    public void refreshOrKeep() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("refreshing active {} versions failed; keeping the known ones: {}", what, e.getMessage());
        }
    }

    /** Reloads every known digest (one query); failures leave the cache as it was. */
    public void refresh() {
        if (versions.isEmpty()) {
            return;
        }
        long before = forgets.get();
        List<String> known = List.copyOf(versions.keySet());
        Map<String, Integer> loaded = load.apply(known);
        if (forgets.get() == before) {
            known.forEach(digest -> versions.put(digest, loaded.getOrDefault(digest, NONE)));
        }
    }

    /**
     * Forgets a digest once the current transaction commits (immediately without one), so that
     * the next lookup reads the version this transaction activated.
     */
    public void forgetAfterCommit(String digest) {
        AfterCommit.runOrNow(() -> forget(digest));
    }

    private void forget(String digest) {
        forgets.incrementAndGet();
        versions.remove(digest);
    }
}
