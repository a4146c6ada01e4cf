package io.habitus.behavior.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lexical normalisation of paths before generalisation: {@code //} collapses, {@code .} and
 * {@code ..} resolve without touching a file system (symbolic links are the agent's business),
 * a trailing '/' goes. A relative path stays relative; {@code ..} above the root stays at the root.
 */
public final class PathNormaliser {

    private PathNormaliser() {}

    public static String normalise(String path) {
        if (isNormal(path)) {
            return path;
        }
        boolean absolute = path.startsWith("/");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (!segment.equals("..")) {
                segments.addLast(segment);
            } else if (!segments.isEmpty() && !segments.peekLast().equals("..")) {
                segments.removeLast();
            } else if (!absolute) {
                segments.addLast(segment);
            }
        }
        String joined = String.join("/", segments);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Most paths are already normal; checking is cheaper than splitting and joining them. */
    private static boolean isNormal(String path) {
        if (path.isEmpty()) {
            return false;
        }
        if (path.equals("/")) {
            return true;
        }
        int start = path.charAt(0) == '/' ? 1 : 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if (length == 0) {
                return false;
            }
            if (path.charAt(start) == '.' && (length == 1 || (length == 2 && path.charAt(start + 1) == '.'))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }
}
