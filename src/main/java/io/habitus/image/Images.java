package io.habitus.image;

import io.habitus.image.persistence.ImageCatalogStore;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    Images(ImageCatalogStore store) {
        this.store = store;
    }

    /** Registers unknown images (as {@link ImageStatus#LEARNING}) and containers, and counts the events. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(List<EventSighting> sightings) {
        store.record(sightings);
    }

    /** The image each of the given containers is registered under; unknown containers are absent. */
    @Transactional(readOnly = true)
    public Map<String, ImageDigest> imagesOf(Collection<String> containerIds) {
        return store.imagesOf(containerIds);
    }

    @Transactional(readOnly = true)
    public ImagePage list(ImageStatus status, int page, int size) {
        return new ImagePage(store.list(status, page * size, size), page, size, store.count(status));
    }

    @Transactional(readOnly = true)
    public ImageDetails find(ImageDigest digest) {
        ImageSummary summary = store.summary(digest)
                .orElseThrow(() -> new NotFoundException("No image with digest " + digest));
        return new ImageDetails(summary, store.nodes(digest), store.eventCounts(digest),
                store.containers(digest, CONTAINERS_SHOWN));
    }
}
