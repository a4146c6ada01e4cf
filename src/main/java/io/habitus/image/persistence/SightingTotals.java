package io.habitus.image.persistence;

import io.habitus.image.EventSighting;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A batch's sightings folded into one row per image, name, container and event type, in key
 * order: concurrent batches then lock rows in the same order and cannot deadlock.
 */
public final class SightingTotals {

    record Span(Instant first, Instant last, long count) {
        Span plus(Instant time) {
            return new Span(time.isBefore(first) ? time : first, time.isAfter(last) ? time : last, count + 1);
        }

        static Span of(Instant time) {
            return new Span(time, time, 1);
        }
    }

    record ContainerTotal(String digest, @Nullable String node, @Nullable String namespace, @Nullable String pod,
            @Nullable String cluster, Span span) {}

    final TreeMap<String, Span> images = new TreeMap<>();
    final TreeMap<List<String>, Span> names = new TreeMap<>(SightingTotals::compareLists);
    final TreeMap<String, ContainerTotal> containers = new TreeMap<>();
    final TreeMap<List<String>, Long> types = new TreeMap<>(SightingTotals::compareLists);

    public static SightingTotals of(List<EventSighting> sightings) {
        SightingTotals totals = new SightingTotals();
        for (EventSighting s : sightings) {
            String digest = s.digest().value();
            totals.images.merge(digest, Span.of(s.time()), (a, b) -> a.plus(s.time()));
            if (s.imageName() != null && !s.imageName().isBlank()) {
                totals.names.merge(List.of(digest, s.imageName()), Span.of(s.time()), (a, b) -> a.plus(s.time()));
            }
            totals.containers.merge(s.containerId(),
                    new ContainerTotal(digest, s.node(), s.namespace(), s.pod(), s.cluster(), Span.of(s.time())),
                    (a, b) -> new ContainerTotal(a.digest(), first(a.node(), b.node()), first(a.namespace(), b.namespace()),
                            first(a.pod(), b.pod()), first(a.cluster(), b.cluster()), a.span().plus(s.time())));
            totals.types.merge(List.of(digest, s.eventType()), 1L, Long::sum);
        }
        return totals;
    }

    /** Adds another fold's totals to this one. */
    public void merge(SightingTotals other) {
        other.images.forEach((k, v) -> images.merge(k, v, SightingTotals::sum));
        other.names.forEach((k, v) -> names.merge(k, v, SightingTotals::sum));
        other.containers.forEach((k, v) -> containers.merge(k, v, (a, b) -> new ContainerTotal(a.digest(),
                first(b.node(), a.node()), first(b.namespace(), a.namespace()), first(b.pod(), a.pod()),
                first(b.cluster(), a.cluster()), sum(a.span(), b.span()))));
        other.types.forEach((k, v) -> types.merge(k, v, Long::sum));
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /** The image digests of this fold. */
    public Set<String> imageKeys() {
        return images.keySet();
    }

    public Set<String> containerKeys() {
        return containers.keySet();
    }

    public String containerImage(String containerId) {
        return containers.get(containerId).digest();
    }

    private static Span sum(Span a, Span b) {
        return new Span(a.first().isBefore(b.first()) ? a.first() : b.first(),
                a.last().isAfter(b.last()) ? a.last() : b.last(), a.count() + b.count());
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    private static int compareLists(List<String> a, List<String> b) {
        int c = a.get(0).compareTo(b.get(0));
        return c != 0 ? c : a.get(1).compareTo(b.get(1));
    }
}
