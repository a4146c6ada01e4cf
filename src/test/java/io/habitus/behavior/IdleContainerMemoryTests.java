package io.habitus.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.image.EventSighting;
import io.habitus.image.Images;
import io.habitus.shared.ImageDigest;
import io.habitus.support.Events;
import io.habitus.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * D3: the image catalogue used to remember every container id it ever saw (about 455 bytes each,
 * 100,000 containers: +44 MB of heap), never forgotten and not measured. Now what it remembers is
 * bounded (habitus.image.max-known-containers, 50,000 by default), forgotten with the idle
 * container states, and measured by the gauge habitus.image.known.containers.
 */
@TestPropertySource(properties = "habitus.behavior.idle-expiry=1s")
class IdleContainerMemoryTests extends IntegrationTest {

    private static final int CONTAINERS = 100_000;
    private static final int BOUND = 50_000;

    @Autowired
    Images images;

    @Autowired
    ContainerStates states;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    @Test
    void aHundredThousandContainersStayWithinTheBoundAndAreForgottenWithTheIdleStates() throws InterruptedException {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String run = UUID.randomUUID().toString();
        double before = knownContainers();
        for (int from = 0; from < CONTAINERS; from += 10_000) {
            List<EventSighting> sightings = new ArrayList<>(10_000);
            for (int i = from; i < from + 10_000; i++) {
                sightings.add(new EventSighting(digest, "nginx:1.27", run + "-" + i, "node-a", null, null, null,
                        "process.exec", Instant.now()));
            }
            transaction.executeWithoutResult(status -> images.record(sightings));
            assertThat(knownContainers()).isLessThanOrEqualTo(BOUND);
        }
        assertThat(knownContainers()).isGreaterThan(before).isEqualTo(BOUND);

        Thread.sleep(1_100); // past habitus.behavior.idle-expiry
        states.forgetIdle();

        assertThat(knownContainers()).isZero();
        // Forgotten in memory only: the catalogue still knows each container's image.
        assertThat(images.imagesOf(List.of(run + "-7", run + "-99999"), false)).containsValues(digest).hasSize(2);
    }

    private double knownContainers() {
        var gauge = meters.find("habitus.image.known.containers").gauge();
        assertThat(gauge).as("gauge habitus.image.known.containers").isNotNull();
        return gauge.value();
    }
}
