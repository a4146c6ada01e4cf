package io.habitus.behavior.internal;

import java.util.ArrayList;
import java.util.List;

/** Splitting of paths into segments and wildcard matching of one segment. */
public final class Segments {

    private static final String[] NONE = new String[0];

    private Segments() {}

    /** The non-empty segments of {@code path}; a leading '/' yields no empty first segment. */
    public static String[] split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return NONE;
        }
        List<String> segments = new ArrayList<>(8);
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            if (end > start) {
                segments.add(path.substring(start, end));
            }
            start = end + 1;
        }
        return segments.toArray(NONE);
    }

    /** Glob matching inside one segment: '*' matches any run of characters, possibly empty. */
    public static boolean matches(String pattern, String segment) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(segment);
        }
        int p = 0;
        int s = 0;
        int star = -1;
        int starS = 0;
        while (s < segment.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starS = s;
            } else if (p < pattern.length() && pattern.charAt(p) == segment.charAt(s)) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
