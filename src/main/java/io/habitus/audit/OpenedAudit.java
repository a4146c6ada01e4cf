package io.habitus.audit;

import io.habitus.shared.Verdict;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new audit as the alert sinks need it: what broke which rule, in which container of which image,
 * and where it ran (namespace, pod, node, cluster, as the event's agent reported them).
 */
public record OpenedAudit(
        long id, String digest, @Nullable String imageName, String containerId, @Nullable String node,
        @Nullable String namespace, @Nullable String pod, @Nullable String cluster, Verdict verdict, String ruleKind,
        String ruleValue, @Nullable String rawValue, String reason, Instant time, int profileVersion,
        @Nullable Integer modelVersion, @Nullable Double score, @Nullable Double threshold) {}
