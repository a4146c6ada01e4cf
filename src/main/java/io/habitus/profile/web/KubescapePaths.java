package io.habitus.profile.web;

import io.habitus.behavior.PathPattern;

/**
 * Habitus path patterns in Kubescape's wildcards: a {@code *} segment is Kubescape's {@code ⋯}
 * (exactly one segment) and {@code **} its {@code *} (zero or more segments, so it also matches
 * the directory itself: wider by one path). Kubescape has no wildcard inside a segment, so a
 * segment like {@code tmp*} becomes {@code ⋯}, any name at that level.
 */
final class KubescapePaths {

    static final String ONE_SEGMENT = "\u22ef";
    static final String ANY_SEGMENTS = "*";

    private KubescapePaths() {}

    static String of(String pattern) {
        if (!PathPattern.isPattern(pattern)) {
            return pattern;
        }
        String[] segments = pattern.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals("**")) {
                segments[i] = ANY_SEGMENTS;
            } else if (segments[i].contains("*")) {
                segments[i] = ONE_SEGMENT;
            }
        }
        return String.join("/", segments);
    }
}
