package io.habitus.behavior;

import io.habitus.behavior.internal.BehaviorProperties;
import io.habitus.behavior.internal.StateTracker;
import io.habitus.behavior.internal.TrackedState;
import io.habitus.behavior.persistence.ContainerStateStore;
import io.habitus.image.Images;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Tracked container states: advancing them with events, reading them, and forgetting containers that went quiet. */
@Service
public class ContainerStates {

    private static final Logger log = LoggerFactory.getLogger(ContainerStates.class);

    private final ContainerStateStore store;
    private final StateTracker tracker;
    private final Images images;
    private final BehaviorProperties properties;
    private final Clock clock;

    ContainerStates(ContainerStateStore store, StateTracker tracker, Images images, BehaviorProperties properties,
            Clock clock) {
        this.store = store;
        this.tracker = tracker;
        this.images = images;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Advances the states of the events' containers in the caller's transaction (their stored
     * states locked first) and returns the transitions, per container in event-time order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ObservedTransition> advance(List<RuntimeEvent> events) {
        return tracker.advance(events);
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
