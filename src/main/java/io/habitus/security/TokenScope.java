package io.habitus.security;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a token's events may be about and which event endpoints it may call. Each part is either
 * null (unrestricted) or a non-empty list: an empty list would read as "nothing" to some people and
 * "anything" to others, so it is refused when the token is issued.
 *
 * @param namespaces Kubernetes namespaces ({@code container.namespace}) the token's events may name;
 *     an event without a namespace is outside a namespace-scoped token
 * @param clusters   clusters ({@code container.cluster}) likewise
 * @param operations which of {@code POST /events} and {@code POST /score} the token may call
 */
public record TokenScope(@Nullable List<String> namespaces, @Nullable List<String> clusters,
        @Nullable List<Operation> operations) {

    /** No restriction beyond the token's role. */
    public static final TokenScope UNRESTRICTED = new TokenScope(null, null, null);

    /** The event endpoints a scope can allow. */
    public enum Operation {
        /** {@code POST /api/v1/events}, and the storing half of {@code POST /api/v1/score?commit=true}. */
        INGEST,
        /** {@code POST /api/v1/score}. */
        SCORE
    }

    public TokenScope {
        namespaces = copy(namespaces, "namespaces");
        clusters = copy(clusters, "clusters");
        operations = copy(operations, "operations");
    }

    public boolean unrestricted() {
        return namespaces == null && clusters == null && operations == null;
    }

    public boolean allows(Operation operation) {
        return operations == null || operations.contains(operation);
    }

    /** Whether an event naming this namespace (null: none) is inside the scope. */
    public boolean coversNamespace(@Nullable String namespace) {
        return namespaces == null || namespace != null && namespaces.contains(namespace);
    }

    /** Whether an event naming this cluster (null: none) is inside the scope. */
    public boolean coversCluster(@Nullable String cluster) {
        return clusters == null || cluster != null && clusters.contains(cluster);
    }

    private static <T> @Nullable List<T> copy(@Nullable List<T> values, String name) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " must be absent (unrestricted) or list at least one value");
        }
        return List.copyOf(values);
    }
}
