package io.habitus.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.habitus.image.internal.ContainerSummary;
import io.habitus.image.internal.ImageDetails;
import io.habitus.image.internal.ImageStatus;
import io.habitus.shared.ImageDigest;
import io.habitus.shared.NotFoundException;
import io.habitus.support.Events;
import io.habitus.support.ModuleIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The image catalogue bootstrapped alone (with the shared kernel), through its facade. What-ifs trust
 * what the catalogue did not find for minutes here, so that a slow machine cannot outlast the staleness
 * between a lookup and the check that follows it.
 */
@ApplicationModuleTest(extraIncludes = "shared")
@TestPropertySource(properties = "habitus.image.what-if-staleness=5m")
class ImageModuleTests extends ModuleIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @Autowired
    Images images;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstSightingOfADigestRegistersALearningImageWithItsNameContainerAndCounts() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        record(new EventSighting(digest, "nginx:1.27", container, "node-a", "web", "nginx-7d9f", "prod-eu", "process.exec", T0),
                new EventSighting(digest, "nginx:1.27", container, "node-a", "web", "nginx-7d9f", "prod-eu", "file.read",
                        T0.plusSeconds(1)));

        ImageDetails details = images.find(digest);
        assertThat(details.summary().status()).isEqualTo(ImageStatus.LEARNING);
        assertThat(details.summary().names()).containsExactly("nginx:1.27");
        assertThat(details.summary().eventCount()).isEqualTo(2);
        assertThat(details.summary().activeProfileVersion()).isNull();
        assertThat(details.nodes()).containsExactly("node-a");
        assertThat(details.eventCounts()).isEqualTo(Map.of("file.read", 1L, "process.exec", 1L));
        assertThat(details.containers()).singleElement()
                .extracting(ContainerSummary::id, ContainerSummary::namespace, ContainerSummary::pod, ContainerSummary::cluster)
                .containsExactly(container, "web", "nginx-7d9f", "prod-eu");
        assertThat(images.known(List.of(digest.value(), Events.newDigest()), false)).containsExactly(digest.value());
    }

    @Test
    void laterNamesJoinTheImageAndAContainerStaysWithItsFirstImage() {
        ImageDigest nginx = new ImageDigest(Events.newDigest());
        ImageDigest other = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        record(new EventSighting(nginx, "nginx:1.27", container, "node-a", null, null, null, "process.exec", T0));
        record(new EventSighting(nginx, "registry.local/nginx:stable", container, "node-a", null, null, null, "process.exec",
                T0.plusSeconds(5)));
        record(new EventSighting(other, "other:1", container, "node-b", null, null, null, "process.exec", T0.plusSeconds(9)));

        assertThat(images.find(nginx).summary().names()).containsExactly("nginx:1.27", "registry.local/nginx:stable");
        assertThat(images.imagesOf(List.of(container), false)).isEqualTo(Map.of(container, nginx));
        assertThat(images.find(other).containers()).isEmpty();
    }

    @Test
    void anActivatedProfileMakesTheImageActiveWithItsVersion() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        record(new EventSighting(digest, "api:2", Events.newId("c"), "node-a", null, null, null, "process.exec", T0));
        long active = images.list(ImageStatus.ACTIVE, 0, 1).totalItems();

        transaction.executeWithoutResult(status -> images.profileActivated(digest, 1, "5c0d"));

        assertThat(images.find(digest).summary()).satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(ImageStatus.ACTIVE);
            assertThat(summary.activeProfileVersion()).isEqualTo(1);
            assertThat(summary.activeProfileChecksum()).isEqualTo("5c0d");
        });
        assertThat(images.list(ImageStatus.ACTIVE, 0, 1).totalItems()).isEqualTo(active + 1);
    }

    @Test
    void anUnknownDigestIsNotFound() {
        ImageDigest unknown = new ImageDigest(Events.newDigest());
        assertThatThrownBy(() -> images.find(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> images.requireKnown(unknown)).isInstanceOf(NotFoundException.class);
        assertThat(images.known(List.of(unknown.value()), false)).isEmpty();
    }

    @Test
    void aForgottenIdleContainerIsStillFoundInTheDatabase() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        record(new EventSighting(digest, "nginx", container, "node-a", null, null, null, "process.exec", T0));

        assertThat(images.forgetContainersIdleSince(Instant.now().plusSeconds(3600))).isPositive();

        assertThat(images.imagesOf(List.of(container), false)).isEqualTo(Map.of(container, digest));
    }

    @Test
    void aWhatIfTakesAContainerFoundUnregisteredAMomentAgoAsUnregisteredAndACommittedBatchAsksAgain() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        assertThat(images.imagesOf(List.of(container), true)).isEmpty();

        // Another replica registers it: this one's memory did not see that.
        transaction.executeWithoutResult(status -> jdbc.update("insert into image (digest, status, first_seen, last_seen, event_count) values (?, 'LEARNING', now(), now(), 1)", digest.value()));
        transaction.executeWithoutResult(status -> jdbc.update(
                "insert into image_container (container_id, digest, first_seen, last_seen, event_count) values (?, ?, now(), now(), 1)",
                container, digest.value()));

        assertThat(images.imagesOf(List.of(container), true)).as("a what-if within the staleness").isEmpty();
        assertThat(images.imagesOf(List.of(container), false)).as("a committed batch always asks")
                .isEqualTo(Map.of(container, digest));
        assertThat(images.imagesOf(List.of(container), true)).as("once found, remembered")
                .isEqualTo(Map.of(container, digest));
    }

    @Test
    void aWhatIfTakesADigestFoundUnknownAMomentAgoAsUnknownAndACommittedBatchAsksAgain() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        assertThat(images.known(List.of(digest.value()), true)).isEmpty();

        transaction.executeWithoutResult(status -> jdbc.update(
                "insert into image (digest, status, first_seen, last_seen, event_count) values (?, 'LEARNING', now(), now(), 1)",
                digest.value()));

        assertThat(images.known(List.of(digest.value()), true)).as("a what-if within the staleness").isEmpty();
        assertThat(images.known(List.of(digest.value()), false)).as("a committed batch always asks").containsExactly(digest.value());
        assertThat(images.known(List.of(digest.value()), true)).as("once found, remembered").containsExactly(digest.value());
    }

    @Test
    void anImageThisReplicaRegistersIsKnownToTheNextWhatIfAtOnce() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        assertThat(images.known(List.of(digest.value()), true)).isEmpty();

        record(new EventSighting(digest, "nginx", Events.newId("c"), "node-a", null, null, null, "process.exec", T0));

        assertThat(images.known(List.of(digest.value()), true)).containsExactly(digest.value());
    }

    @Test
    void aContainerThisReplicaRegistersIsKnownToTheNextWhatIfAtOnce() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        assertThat(images.imagesOf(List.of(container), true)).isEmpty();

        record(new EventSighting(digest, "nginx", container, "node-a", null, null, null, "process.exec", T0));

        assertThat(images.imagesOf(List.of(container), true)).isEqualTo(Map.of(container, digest));
    }

    private void record(EventSighting... sightings) {
        transaction.executeWithoutResult(status -> images.record(List.of(sightings)));
    }
}
