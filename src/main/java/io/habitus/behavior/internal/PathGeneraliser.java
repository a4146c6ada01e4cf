package io.habitus.behavior.internal;

/**
 * Applies the path rules of {@link GeneralisationRule#pathRules()} to every segment of a
 * normalised path, in that order. Segments that already are wildcards are left alone, which,
 * together with rules that never match their own output, makes generalisation idempotent.
 */
public final class PathGeneraliser {

    private PathGeneraliser() {}

    public static String generalise(String path, ContainerNames names) {
        String normal = PathNormaliser.normalise(path);
        StringBuilder out = null;
        int start = normal.startsWith("/") ? 1 : 0;
        int tempFrom = RandomNameRule.tempDirectoryEnd(normal);
        while (start < normal.length()) {
            int end = normal.indexOf('/', start);
            if (end < 0) {
                end = normal.length();
            }
            String segment = normal.substring(start, end);
            String general = generaliseSegment(segment, names, start >= tempFrom);
            if (out == null && !general.equals(segment)) {
                out = new StringBuilder(normal.length()).append(normal, 0, start);
            }
            if (out != null) {
                out.append(general);
                if (end < normal.length()) {
                    out.append('/');
                }
            }
            start = end + 1;
        }
        return out == null ? normal : out.toString();
    }

    static String generaliseSegment(String segment, ContainerNames names, boolean inTempDirectory) {
        if (segment.equals("*") || segment.equals("**")) {
            return segment;
        }
        String current = names.replaceIn(segment);
        current = UuidRule.apply(current);
        current = HexIdRule.apply(current);
        current = NumericRule.apply(current);
        current = RandomNameRule.apply(current, inTempDirectory);
        return collapseWildcards(current);
    }

    /**
     * Two rules may leave neighbouring wildcards; inside a segment {@code **} would mean the same
     * as {@code *} but reads like the multi-segment wildcard, so it is written once.
     */
    private static String collapseWildcards(String segment) {
        if (!segment.contains("**")) {
            return segment;
        }
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '*' || i == 0 || segment.charAt(i - 1) != '*') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
