package io.habitus.behavior;

import io.habitus.behavior.internal.Segments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The wide-directory rule, applied when a profile is built from many observed paths: a directory
 * with more distinct direct children than its threshold holds generated names the per-event
 * rules did not recognise (cache entries, uploads, all-letter temp names), so it collapses into
 * {@code <dir>/**}. The outermost such directory wins, since its pattern covers those below.
 *
 * <p>The root and first-level directories ({@code /etc}, {@code /proc}, {@code /usr}) never
 * collapse, however many children they have: {@code /etc/**} would allow reading every secret and
 * config of the image, {@code /proc/**} every process's memory maps and environment. Deeper
 * directories are specific enough to be one rule.
 */
public final class WideDirectories {

    /** Directories at this depth or above never collapse: 0 is "/", 1 is "/etc". */
    private static final int MAX_PROTECTED_DEPTH = 1;

    private WideDirectories() {}

    /**
     * The directories to collapse among {@code paths} (generalised absolute paths, patterns
     * allowed; relative paths have no place in the tree and are skipped), sorted by directory.
     */
    public static List<DirectoryCollapse> find(Collection<String> paths, ToIntFunction<String> thresholdForDirectory) {
        Node root = new Node();
        for (String path : paths) {
            if (path != null && path.startsWith("/")) {
                root.add(path, Segments.split(path), 0);
            }
        }
        List<DirectoryCollapse> found = new ArrayList<>();
        root.collect("", 0, thresholdForDirectory, found);
        found.sort(Comparator.comparing(DirectoryCollapse::directory));
        return List.copyOf(found);
    }

    /** A directory of the segment trie; {@code below} holds the input paths strictly under it. */
    private static final class Node {

        private final Map<String, Node> children = new TreeMap<>();
        private final TreeSet<String> below = new TreeSet<>();

        void add(String path, String[] segments, int depth) {
            if (depth == segments.length) {
                return;
            }
            below.add(path);
            children.computeIfAbsent(segments[depth], segment -> new Node()).add(path, segments, depth + 1);
        }

        void collect(String directory, int depth, ToIntFunction<String> thresholds, List<DirectoryCollapse> found) {
            if (depth > MAX_PROTECTED_DEPTH && children.size() > thresholds.applyAsInt(directory)) {
                found.add(new DirectoryCollapse(directory, directory + "/**", List.copyOf(below)));
                return;
            }
            children.forEach((segment, child) -> child.collect(directory + "/" + segment, depth + 1, thresholds, found));
        }
    }
}
