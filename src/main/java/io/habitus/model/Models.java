package io.habitus.model;

import io.habitus.image.Images;
import io.habitus.model.internal.ModelVersion;
import io.habitus.model.store.ModelStore;
import io.habitus.model.store.StoredModel;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Stored model versions: list, read, activate (also a rollback). */
@Service
public class Models {

    private final ModelStore store;
    private final Images images;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    Models(ModelStore store, Images images, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.store = store;
        this.images = images;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ModelVersion> list(ImageDigest digest) {
        images.requireKnown(digest);
        return store.versions(digest.value()).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ModelVersion get(ImageDigest digest, int version) {
        images.requireKnown(digest);
        return view(stored(digest, version));
    }

    @Transactional
    public ModelVersion activate(ImageDigest digest, int version, String by) {
        images.requireKnown(digest);
        stored(digest, version);
        store.activate(digest.value(), version, clock.instant(), by);
        events.publishEvent(new ModelActivated(digest.value(), version));
        return view(stored(digest, version));
    }

    private StoredModel stored(ImageDigest digest, int version) {
        return store.version(digest.value(), version)
                .orElseThrow(() -> new NotFoundException("Image " + digest + " has no model version " + version));
    }

    private ModelVersion view(StoredModel m) {
        return new ModelVersion(m.digest(), m.version(), m.formatVersion(), m.sha256(), json.readTree(m.featureSpecJson()),
                json.readTree(m.hyperParametersJson()), m.threshold(), json.readTree(m.statisticsJson()),
                m.profileVersion(), m.windowNo(), m.sampleDistinct(), m.sampleEvents(), m.codeVersion(), m.trainedAt(),
                m.jobId(), m.active());
    }
}
