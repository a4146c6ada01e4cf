package io.habitus.behavior;

import io.habitus.behavior.internal.Segments;
import java.util.Objects;

/**
 * Matching of generalised path patterns against paths. Segment by segment: {@code *} is exactly
 * one segment, {@code **} one or more segments, and inside a segment {@code *} is any run of
 * characters other than '/' ({@code tmp*}, {@code web_*_*}). No regular expressions: matching
 * runs for every file event against every pattern of a profile.
 *
 * <p>Paths are compared as they are; give both in the normalised form tokens use. An absolute
 * pattern never matches a relative path and vice versa.
 */
public final class PathPattern {

    private PathPattern() {}

    /** Whether {@code value} contains a wildcard, i.e. stands for more than one path. */
    public static boolean isPattern(String value) {
        return value.indexOf('*') >= 0;
    }

    public static boolean matches(String pattern, String path) {
        return compile(pattern).matches(path);
    }

    public static Compiled compile(String pattern) {
        return new Compiled(pattern);
    }

    /** A pattern split once into segments, to match many paths. Immutable and thread-safe. */
    public static final class Compiled {

        private final String pattern;
        private final boolean absolute;
        private final String[] segments;

        private Compiled(String pattern) {
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            this.absolute = pattern.startsWith("/");
            this.segments = Segments.split(pattern);
        }

        public String pattern() {
            return pattern;
        }

        public boolean matches(String path) {
            if (path == null || path.startsWith("/") != absolute) {
                return false;
            }
            return matchSegments(Segments.split(path));
        }

        /**
         * Classic wildcard matching over segments, with {@code **} as one segment followed by
         * any number: linear backtracking to the last {@code **}, never exponential.
         */
        private boolean matchSegments(String[] path) {
            int p = 0;
            int s = 0;
            int starP = -1;
            int starS = -1;
            while (s < path.length) {
                if (p < segments.length && segments[p].equals("**")) {
                    starP = p++;
                    starS = ++s;
                } else if (p < segments.length && Segments.matches(segments[p], path[s])) {
                    p++;
                    s++;
                } else if (starP >= 0) {
                    p = starP + 1;
                    s = ++starS;
                } else {
                    return false;
                }
            }
            return p == segments.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Compiled compiled && compiled.pattern.equals(pattern);
        }

        @Override
        public int hashCode() {
            return pattern.hashCode();
        }

        @Override
        public String toString() {
            return pattern;
        }
    }
}
