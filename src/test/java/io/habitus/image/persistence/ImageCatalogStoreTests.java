package io.habitus.image.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.image.EventSighting;
import io.habitus.image.internal.ContainerSummary;
import io.habitus.image.internal.ImageStatus;
import io.habitus.image.internal.ImageSummary;
import io.habitus.shared.ImageDigest;
import io.habitus.support.Events;
import io.habitus.support.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue's SQL against the real schema (Flyway's migrations on PostgreSQL), one slice: each
 * test runs in a transaction that is rolled back.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ImageCatalogStore.class)
class ImageCatalogStoreTests {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ImageCatalogStore store;

    @Test
    void registeringASightingCreatesALearningImageWithItsContainerBeforeAnyCountIsAdded() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        store.register(SightingTotals.of(List.of(sighting(digest, "nginx:1.27", container, "node-a", T0))), Set.of(), Set.of());

        ImageSummary summary = store.summary(digest).orElseThrow();
        assertThat(summary.status()).isEqualTo(ImageStatus.LEARNING);
        assertThat(summary.containerCount()).isEqualTo(1);
        assertThat(summary.eventCount()).isZero();
        assertThat(summary.activeProfileVersion()).isNull();
        assertThat(store.imagesOf(List.of(container, "unknown"))).isEqualTo(Map.of(container, digest));
        assertThat(store.exists(digest)).isTrue();
    }

    @Test
    void addedTotalsCountEventsPerTypeKeepEveryNameAndFillMissingContainerLabels() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        EventSighting first = new EventSighting(digest, "nginx:1.27", container, null, null, null, null, "process.exec", T0);
        store.register(SightingTotals.of(List.of(first)), Set.of(), Set.of());
        store.add(SightingTotals.of(List.of(first)));
        store.add(SightingTotals.of(List.of(
                new EventSighting(digest, "nginx:latest", container, "node-b", "web", "nginx-7d9f", "prod-eu", "file.read",
                        T0.plusSeconds(60)),
                new EventSighting(digest, "nginx:latest", container, "node-b", "web", "nginx-7d9f", "prod-eu", "file.read",
                        T0.plusSeconds(120)))));

        ImageSummary summary = store.summary(digest).orElseThrow();
        assertThat(summary.names()).containsExactly("nginx:1.27", "nginx:latest");
        assertThat(summary.eventCount()).isEqualTo(3);
        assertThat(summary.firstSeen()).isEqualTo(T0);
        assertThat(summary.lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(store.eventCounts(digest)).containsExactly(Map.entry("file.read", 2L), Map.entry("process.exec", 1L));
        assertThat(store.nodes(digest)).containsExactly("node-b");
        ContainerSummary seen = store.containers(digest, 10).getFirst();
        assertThat(seen).extracting(ContainerSummary::node, ContainerSummary::namespace, ContainerSummary::pod,
                ContainerSummary::cluster, ContainerSummary::eventCount).containsExactly("node-b", "web", "nginx-7d9f", "prod-eu", 3L);
    }

    @Test
    void aContainerStaysWithTheImageItWasFirstRegisteredUnder() {
        ImageDigest nginx = new ImageDigest(Events.newDigest());
        ImageDigest redis = new ImageDigest(Events.newDigest());
        String container = Events.newId("c");
        store.register(SightingTotals.of(List.of(sighting(nginx, "nginx", container, "node-a", T0))), Set.of(), Set.of());
        store.register(SightingTotals.of(List.of(sighting(redis, "redis", container, "node-b", T0))), Set.of(), Set.of());
        store.add(SightingTotals.of(List.of(sighting(redis, "redis", container, "node-b", T0))));

        assertThat(store.imagesOf(List.of(container))).containsEntry(container, nginx);
        assertThat(store.containers(redis, 10)).isEmpty();
        assertThat(store.containers(nginx, 10)).extracting(ContainerSummary::node).containsExactly("node-a");
    }

    @Test
    void anActivatedProfileMakesTheImageActiveAndTheStatusFilterFollows() {
        ImageDigest digest = new ImageDigest(Events.newDigest());
        // Far in the future, so that it heads the newest-first list whatever other tests registered.
        store.register(SightingTotals.of(List.of(sighting(digest, "api:2", Events.newId("c"), "node-a", FUTURE))),
                Set.of(), Set.of());
        long activeBefore = store.count(ImageStatus.ACTIVE);

        store.profileActivated(digest, 3, "5c0d");

        ImageSummary summary = store.summary(digest).orElseThrow();
        assertThat(summary.status()).isEqualTo(ImageStatus.ACTIVE);
        assertThat(summary.activeProfileVersion()).isEqualTo(3);
        assertThat(summary.activeProfileChecksum()).isEqualTo("5c0d");
        assertThat(store.count(ImageStatus.ACTIVE)).isEqualTo(activeBefore + 1);
        assertThat(store.list(ImageStatus.ACTIVE, 0, 1)).extracting(ImageSummary::digest).containsExactly(digest);
        assertThat(store.list(ImageStatus.LEARNING, 0, 1)).extracting(ImageSummary::digest).doesNotContain(digest);
        assertThat(store.list(null, 0, 1)).extracting(ImageSummary::digest).containsExactly(digest);
    }

    @Test
    void unknownDigestsAreNeitherFoundNorExisting() {
        ImageDigest unknown = new ImageDigest(Events.newDigest());
        assertThat(store.summary(unknown)).isEmpty();
        assertThat(store.exists(unknown)).isFalse();
        assertThat(store.existing(List.of(unknown.value()))).isEmpty();
    }

    private static EventSighting sighting(ImageDigest digest, String name, String container, String node, Instant time) {
        return new EventSighting(digest, name, container, node, "web", "pod-1", "prod-eu", "process.exec", time);
    }
}
