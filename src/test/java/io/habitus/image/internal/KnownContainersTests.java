package io.habitus.image.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.habitus.shared.ImageDigest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the catalogue remembers of containers is bounded, and forgotten when they go idle. */
class KnownContainersTests {

    private static final ImageDigest NGINX = new ImageDigest("sha256:" + "a".repeat(64));
    private static final ImageDigest REDIS = new ImageDigest("sha256:" + "b".repeat(64));
    private static final Duration IDLE_EXPIRY = Duration.ofHours(1);
    private static final Duration WHAT_IF_STALENESS = Duration.ofSeconds(1);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void aHundredThousandContainersAreForgottenOnceIdleAndTheGaugeFollows() {
        KnownContainers known = new KnownContainers(new ImageProperties(200_000, WHAT_IF_STALENESS), clock, meters);
        for (int batch = 0; batch < 100; batch++) {
            known.seen(containers(batch * 1_000, 1_000, NGINX));
        }
        assertThat(gauge()).isEqualTo(100_000);

        clock.advance(IDLE_EXPIRY.plusMinutes(5));
        int forgotten = known.forgetIdleSince(clock.instant().minus(IDLE_EXPIRY));

        assertThat(forgotten).isEqualTo(100_000);
        assertThat(gauge()).isZero();
        assertThat(known.imageOf("container-42")).isNull();
    }

    @Test
    void containersSeenWithinTheExpiryAreKept() {
        KnownContainers known = new KnownContainers(new ImageProperties(1_000, WHAT_IF_STALENESS), clock, meters);
        known.seen(containers(0, 10, NGINX));
        clock.advance(Duration.ofMinutes(50));
        known.seen(containers(5, 10, NGINX)); // 5..14: 5..9 seen again
        clock.advance(Duration.ofMinutes(20));

        known.forgetIdleSince(clock.instant().minus(IDLE_EXPIRY));

        assertThat(known.ids()).hasSize(10).contains("container-5", "container-14").doesNotContain("container-4");
    }

    @Test
    void neverRemembersMoreThanItsBound() {
        KnownContainers known = new KnownContainers(new ImageProperties(1_000, WHAT_IF_STALENESS), clock, meters);
        for (int batch = 0; batch < 100; batch++) {
            known.seen(containers(batch * 1_000, 1_000, NGINX));
            assertThat(gauge()).isLessThanOrEqualTo(1_000);
        }
        for (int i = 0; i < 10_000; i++) {
            known.loaded("loaded-" + i, REDIS);
        }
        assertThat(gauge()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void aContainerKeepsTheImageItWasFirstRememberedUnder() {
        KnownContainers known = new KnownContainers(new ImageProperties(1_000, WHAT_IF_STALENESS), clock, meters);
        known.seen(Map.of("c1", NGINX));
        known.seen(Map.of("c1", REDIS));
        known.loaded("c1", REDIS);

        assertThat(known.imageOf("c1")).isEqualTo(NGINX);
    }

    @Test
    void aContainerFoundUnregisteredIsRememberedForTheWhatIfStalenessUntilItIsSeen() {
        KnownContainers known = new KnownContainers(new ImageProperties(1_000, WHAT_IF_STALENESS), clock, meters);
        known.unregistered("c1");
        known.unregistered("c2");
        known.unregistered("c3");

        assertThat(known.recentlyUnregistered("c1")).isTrue();
        assertThat(known.recentlyUnregistered("c4")).isFalse();

        known.seen(Map.of("c1", NGINX));
        known.loaded("c2", REDIS);
        assertThat(known.recentlyUnregistered("c1")).as("registered by this replica").isFalse();
        assertThat(known.recentlyUnregistered("c2")).as("read from the database").isFalse();
        assertThat(known.recentlyUnregistered("c3")).isTrue();

        clock.advance(WHAT_IF_STALENESS);
        assertThat(known.recentlyUnregistered("c3")).as("as old as the staleness: asked again").isFalse();
    }

    private double gauge() {
        return meters.get("habitus.image.known.containers").gauge().value();
    }

    private static Map<String, ImageDigest> containers(int from, int count, ImageDigest digest) {
        Map<String, ImageDigest> containers = new HashMap<>();
        for (int i = from; i < from + count; i++) {
            containers.put("container-" + i, digest);
        }
        return containers;
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
