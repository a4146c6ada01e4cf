package io.habitus.model;

import io.habitus.model.internal.InvalidModelException;
import io.habitus.model.store.ModelStore;
import io.habitus.model.store.StoredModel;
import io.habitus.shared.database.ActiveVersions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The active models, held in memory and swapped when another version becomes active on any
 * replica: which version is active per image is cached ({@link ActiveVersions}: refreshed every
 * second, at once after a local activation commits) and only a changed version is loaded. A model whose stored text fails its checksum is refused with an error log and a
 * health detail, and the version loaded before keeps scoring.
 */
@Service
public class ActiveModels implements HealthIndicator {

    /** The model scoring an image's transitions, with its version. */
    public record Active(String digest, int version, TransitionModel model) {}

    private static final Logger log = LoggerFactory.getLogger(ActiveModels.class);

    private final ModelStore store;
    private final Map<String, Active> loaded = new ConcurrentHashMap<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final ActiveVersions versions;
    private final Counter hits;
    private final Counter misses;

    ActiveModels(ModelStore store, MeterRegistry meters) {
        this.store = store;
        this.versions = new ActiveVersions("model", store::activeVersions);
        this.hits = cacheCounter(meters, "hit", "the active version was in memory");
        this.misses = cacheCounter(meters, "miss", "the active version had to be loaded (first use or a new activation)");
        Gauge.builder("habitus.model.cache.size", loaded, Map::size)
                .description("Active models held in memory").register(meters);
    }

    private static Counter cacheCounter(MeterRegistry meters, String result, String meaning) {
        return Counter.builder("habitus.model.cache")
                .description("Lookups of active models; result=" + result + ": " + meaning)
                .tag("result", result)
                .register(meters);
    }

    public Map<String, Active> forDigests(Collection<String> digests) {
        Map<String, Active> active = new HashMap<>();
        versions.of(digests).forEach((digest, version) -> {
            Active current = loaded.get(digest);
            if (current != null && current.version() == version) {
                hits.increment();
            } else {
                misses.increment();
                Active fresh = load(digest, version);
                if (fresh != null) {
                    loaded.put(digest, fresh);
                    current = fresh;
                }
            }
            if (current != null) {
                active.put(digest, current);
            }
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
    void on(ModelActivated activated) {
        versions.forgetAfterCommit(activated.digest());
    }

    private @Nullable Active load(String digest, int version) {
        String key = digest + " v" + version;
        if (refused.containsKey(key)) {
            return null;
        }
        StoredModel stored = store.version(digest, version).orElse(null);
        if (stored == null) {
            return null;
        }
        try {
            return new Active(digest, version, TransitionModel.fromText(stored.text(), stored.sha256()));
        } catch (InvalidModelException e) {
            refused.put(key, e.getMessage());
            log.error("refusing model version {} of {}: {}; the previously loaded version keeps scoring", version,
                    digest, e.getMessage());
            return null;
        }
    }

    @Override
    public Health health() {
        return refused.isEmpty() ? Health.up().build()
                : Health.up().withDetail("refusedModels", Map.copyOf(refused)).build();
    }
}
