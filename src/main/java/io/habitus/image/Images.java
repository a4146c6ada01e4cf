package io.habitus.image;

import io.habitus.image.internal.ImageDetails;
import io.habitus.image.internal.ImageProperties;
import io.habitus.image.internal.ImagePage;
import io.habitus.image.internal.ImageStatistics;
import io.habitus.image.internal.ImageStatus;
import io.habitus.image.internal.ImageSummary;
import io.habitus.image.internal.KnownContainers;
import io.habitus.image.internal.RecentlyUnknown;
import io.habitus.image.persistence.ImageCatalogStore;
import io.habitus.image.persistence.SightingTotals;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.shared.database.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The image catalogue. Ingest records what it accepted inside its own transaction, so an
 * acknowledged event always has its image and container registered.
 */
@Service
public class Images {

    public static final int CONTAINERS_SHOWN = 100;

    private final ImageCatalogStore store;
    private final ImageStatistics statistics;
    private final Set<String> knownImages = ConcurrentHashMap.newKeySet();
    /** Digests a what-if named and the database did not know; {@link #knownImages} wins over it. */
    private final RecentlyUnknown unknownImages;
    private final KnownContainers knownContainers;

    Images(ImageCatalogStore store, ImageStatistics statistics, KnownContainers knownContainers, ImageProperties properties,
            Clock clock) {
        this.store = store;
        this.statistics = statistics;
        this.knownContainers = knownContainers;
        this.unknownImages = new RecentlyUnknown(properties, clock);
    }

    /**
     * Registers unknown images (as {@link ImageStatus#LEARNING}) and containers in the caller's
     * transaction, and counts the events once it committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<EventSighting> sightings) {
        SightingTotals totals = SightingTotals.of(sightings);
        store.register(totals, knownImages, knownContainers.ids());
        Map<String, ImageDigest> containerImages = containerImages(sightings);
        AfterCommit.run(() -> {
            knownImages.addAll(totals.imageKeys());
            knownContainers.seen(containerImages);
            statistics.add(totals);
        });
    }

    /**
     * The image each of the given containers is registered under; unknown containers are absent.
     * {@code whatIf}: a container the database did not know a moment ago is taken as still unknown
     * ({@code habitus.image.what-if-staleness}); a committed batch always asks.
     */
    public Map<String, ImageDigest> imagesOf(Collection<String> containerIds, boolean whatIf) {
        Map<String, ImageDigest> owners = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String id : containerIds) {
            ImageDigest owner = knownContainers.imageOf(id);
            if (owner != null) {
                owners.put(id, owner);
            } else if (!whatIf || !knownContainers.recentlyUnregistered(id)) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, ImageDigest> registered = store.imagesOf(unknown);
            for (String id : unknown) {
                ImageDigest digest = registered.get(id);
                if (digest != null) {
                    owners.put(id, digest);
                    knownContainers.loaded(id, digest);
                } else if (whatIf) {
                    knownContainers.unregistered(id);
                }
            }
        }
        return owners;
    }

    /**
     * Forgets which image the containers not seen since {@code cutoff} belong to (the database keeps
     * it). Called when idle container states expire, so that both are forgotten together.
     */
    public int forgetContainersIdleSince(Instant cutoff) {
        return knownContainers.forgetIdleSince(cutoff);
    }

    /** The image of each container of a batch, one {@link ImageDigest} per image (a container names one). */
    private static Map<String, ImageDigest> containerImages(List<EventSighting> sightings) {
        Map<String, ImageDigest> images = new HashMap<>();
        for (EventSighting sighting : sightings) {
            images.putIfAbsent(sighting.containerId(), sighting.digest());
        }
        return images;
    }

    /** Writes this replica's pending counts, so that a read right after an ingest sees them. */
    private void catchUp() {
        statistics.flush();
    }

    /**
     * Which of these digests are registered images (asking the database only about ones not seen yet).
     * {@code whatIf}: a digest the database did not know a moment ago is taken as still unknown
     * ({@code habitus.image.what-if-staleness}); a committed batch always asks.
     */
    public Set<String> known(Collection<String> digests, boolean whatIf) {
        Set<String> known = new HashSet<>();
        List<String> unseen = new ArrayList<>();
        for (String digest : digests) {
            if (knownImages.contains(digest)) {
                known.add(digest);
            } else if (!whatIf || !unknownImages.contains(digest)) {
                unseen.add(digest);
            }
        }
        if (!unseen.isEmpty()) {
            Set<String> existing = store.existing(unseen);
            known.addAll(existing);
            knownImages.addAll(existing);
            if (whatIf) {
                unseen.stream().filter(digest -> !existing.contains(digest)).forEach(unknownImages::add);
            }
        }
        return known;
    }

    /** Throws the 404 problem unless the image is known. */
    @Transactional(readOnly = true)
    public void requireKnown(ImageDigest digest) {
        if (!store.exists(digest)) {
            throw new NotFoundException("No image with digest " + digest);
        }
    }

    /** A profile version now judges the image: it is {@link ImageStatus#ACTIVE}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void profileActivated(ImageDigest digest, int version, String checksum) {
        store.profileActivated(digest, version, checksum);
    }

    @Transactional(readOnly = true)
    public ImagePage list(@Nullable ImageStatus status, int page, int size) {
        catchUp();
        return new ImagePage(store.list(status, page * size, size), page, size, store.count(status));
    }

    @Transactional(readOnly = true)
    /** The names and tags the image was seen under (404 problem for an unknown digest). */
    public List<String> names(ImageDigest digest) {
        return find(digest).summary().names();
    }

    public ImageDetails find(ImageDigest digest) {
        catchUp();
        ImageSummary summary = store.summary(digest)
                .orElseThrow(() -> new NotFoundException("No image with digest " + digest));
        return new ImageDetails(summary, store.nodes(digest), store.eventCounts(digest),
                store.containers(digest, CONTAINERS_SHOWN));
    }
}
