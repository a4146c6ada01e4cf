package io.habitus.behavior;

import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.image.Images;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading tracked container states, and forgetting containers that went quiet. */
@Service
public class ContainerStates {

    private static final Logger log = LoggerFactory.getLogger(ContainerStates.class);

    private final ContainerStateStore store;
    private final Images images;
    private final BehaviorProperties properties;
    private final Clock clock;

    ContainerStates(ContainerStateStore store, Images images, BehaviorProperties properties, Clock clock) {
        this.store = store;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public TrackedState find(String containerId) {
        return store.find(containerId)
                .map(r -> new TrackedState(r.containerId(), r.digest(), r.processes(), r.histories(), r.recent(), r.events(),
                        r.lastEventAt(), r.updatedAt()))
                .orElseThrow(() -> new NotFoundException("No tracked state for container " + containerId
                        + " (unknown, or idle for longer than " + properties.idleExpiry() + ")"));
    }

    /**
     * Bounded memory for many containers: exited and idle containers are forgotten, their state and
     * what the image catalogue remembers of them in memory (first: it needs no database).
     */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void forgetIdle() {
        Instant cutoff = clock.instant().minus(properties.idleExpiry());
        images.forgetContainersIdleSince(cutoff);
        try {
            int forgotten = store.forgetIdleSince(cutoff);
            if (forgotten > 0) {
                log.info("forgot the state of {} containers idle for {}", forgotten, properties.idleExpiry());
            }
        } catch (RuntimeException e) {
            log.warn("forgetting idle container states failed: {}", e.getMessage());
        }
    }
}
