package io.habitus.incident.internal;

import io.habitus.incident.persistence.DetectorRow;
import io.habitus.incident.persistence.DetectorStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The newest READY detector of each image, held in memory for the hot path. Every refresh (about a
 * second) one query tells which images have a newer detector or more allowed sequences, so a
 * detector built or an incident marked false positive on another replica takes effect here soon.
 */
@Component
public class ActiveDetectors {

    private record Key(long id, long allowed) {}

    private final DetectorStore store;
    /** The same for every detector: {@link DetectorCalibration#modelThreshold}. */
    private final double modelThreshold;
    private final Map<String, ContainerDetector> detectors = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ActiveDetectors(DetectorStore store, IncidentProperties properties) {
        this.store = store;
        this.modelThreshold = DetectorCalibration.modelThreshold(properties.targetContainerRate(), properties.modelShare());
    }

    Map<String, ContainerDetector> forDigests(Collection<String> digests) {
        Map<String, ContainerDetector> found = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String digest : digests) {
            if (known.contains(digest)) {
                ContainerDetector detector = detectors.get(digest);
                if (detector != null) {
                    found.put(digest, detector);
                }
            } else {
                unknown.add(digest);
            }
        }
        if (!unknown.isEmpty()) {
            load(unknown);
            unknown.forEach(d -> {
                known.add(d);
                ContainerDetector detector = detectors.get(d);
                if (detector != null) {
                    found.put(d, detector);
                }
            });
        }
        return found;
    }

    @Scheduled(fixedDelayString = "${habitus.active-refresh-interval:1s}")
    void refresh() {
        if (!known.isEmpty()) {
            load(new HashSet<>(known));
        }
    }

    /** Reloads at once what this replica changed (a detector built, sequences allowed). */
    public void forget(String digest) {
        known.remove(digest);
        keys.remove(digest);
        detectors.remove(digest);
    }

    private void load(Collection<String> digests) {
        Map<String, Long> newest = store.newestReady(digests);
        Map<String, Long> allowed = store.allowedCounts(digests);
        newest.forEach((digest, id) -> {
            Key key = new Key(id, allowed.getOrDefault(digest, 0L));
            if (!key.equals(keys.get(digest))) {
                store.find(id).ifPresent(row -> {
                    detectors.put(digest, detector(row));
                    keys.put(digest, key);
                });
            }
        });
    }

    /**
     * A detector built before the process's own lengths were learned finds no evidence in them (rate 1); one
     * built before dispersions were measured weighs novelty as a binomial.
     */
    private static SequenceNovelty novelty(DetectorRow row) {
        if (row.localNoveltyRate() == null || row.actionNoveltyRate() == null || row.localThreshold() == null
                || row.actionThreshold() == null) {
            return SequenceNovelty.containerOnly(row.noveltyRate(), row.threshold());
        }
        double[] rates = {row.noveltyRate(), row.localNoveltyRate(), row.actionNoveltyRate()};
        double[] thresholds = {row.threshold(), row.localThreshold(), row.actionThreshold()};
        double[] dispersions = row.noveltyDispersions();
        return new SequenceNovelty(rates, dispersions == null ? new double[EventSequences.LENGTHS] : dispersions, thresholds);
    }

    private ContainerDetector detector(DetectorRow row) {
        return new ContainerDetector(row.id(), row.digest(), row.window(), LearnedSequences.fromBytes(row.learned()),
                Set.copyOf(store.allowedSequences(row.digest())), novelty(row),
                MixReferences.fromBytes(row.mix()), row.mixThreshold(), SequenceRarity.fromBytes(row.rarity()),
                row.rarityThreshold() == null ? 0 : row.rarityThreshold(),
                row.longRarityThreshold() == null ? 0 : row.longRarityThreshold(), modelThreshold,
                !Boolean.FALSE.equals(row.violationOpens()),
                Boolean.TRUE.equals(row.newActionOpens()), row.readyAt());
    }
}
