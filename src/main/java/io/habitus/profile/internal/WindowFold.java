package io.habitus.profile.internal;

import io.habitus.behavior.Token;
import io.habitus.profile.persistence.ContainerDelta;
import io.habitus.profile.persistence.ObservationDelta;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What events add to one learning window, folded in memory: per token, per container and in total. */
public final class WindowFold {

    private static final int EXAMPLES = 5;

    public final Map<Token, TokenFold> tokens = new HashMap<>();
    final Map<String, ContainerFold> containers = new HashMap<>();
    long events;
    @Nullable Instant first;
    @Nullable Instant last;

    public void add(Instant time, String containerId, @Nullable String node, @Nullable Token token, String example) {
        events++;
        first = first == null || time.isBefore(first) ? time : first;
        last = last == null || time.isAfter(last) ? time : last;
        containers.computeIfAbsent(containerId, id -> new ContainerFold(node, time)).add(time);
        if (token != null) {
            tokens.computeIfAbsent(token, t -> new TokenFold(time)).add(time, example, containerId);
        }
    }

    void merge(WindowFold other) {
        events += other.events;
        first = first == null || other.first.isBefore(first) ? other.first : first;
        last = last == null || other.last.isAfter(last) ? other.last : last;
        other.tokens.forEach((token, fold) -> tokens.merge(token, fold, TokenFold::merge));
        other.containers.forEach((id, fold) -> containers.merge(id, fold, ContainerFold::merge));
    }

    List<ObservationDelta> deltas() {
        return tokens.entrySet().stream().map(e -> e.getValue().delta(e.getKey())).toList();
    }

    List<ContainerDelta> containerDeltas() {
        return containers.entrySet().stream()
                .map(e -> new ContainerDelta(e.getKey(), e.getValue().node, e.getValue().first, e.getValue().last,
                        e.getValue().events))
                .toList();
    }

    public static final class TokenFold {
        long count;
        Instant first;
        Instant last;
        final Set<String> examples = new HashSet<>();
        final Set<String> containers = new HashSet<>();

        TokenFold(Instant time) {
            first = time;
            last = time;
        }

        void add(Instant time, String example, String container) {
            count++;
            first = time.isBefore(first) ? time : first;
            last = time.isAfter(last) ? time : last;
            if (examples.size() < EXAMPLES) {
                examples.add(example);
            }
            containers.add(container);
        }

        TokenFold merge(TokenFold other) {
            count += other.count;
            first = other.first.isBefore(first) ? other.first : first;
            last = other.last.isAfter(last) ? other.last : last;
            other.examples.stream().limit(Math.max(0, EXAMPLES - examples.size())).forEach(examples::add);
            containers.addAll(other.containers);
            return this;
        }

        public ObservationDelta delta(Token token) {
            return new ObservationDelta(token.kind().name(), token.value(), count, first, last, examples, containers);
        }
    }

    static final class ContainerFold {
        final @Nullable String node;
        Instant first;
        Instant last;
        long events;

        ContainerFold(@Nullable String node, Instant time) {
            this.node = node;
            this.first = time;
            this.last = time;
        }

        void add(Instant time) {
            events++;
            first = time.isBefore(first) ? time : first;
            last = time.isAfter(last) ? time : last;
        }

        ContainerFold merge(ContainerFold other) {
            events += other.events;
            first = other.first.isBefore(first) ? other.first : first;
            last = other.last.isAfter(last) ? other.last : last;
            return this;
        }
    }
}
