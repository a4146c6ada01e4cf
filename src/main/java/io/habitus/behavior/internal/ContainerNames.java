package io.habitus.behavior.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The names of one container that appear in its own paths (rule {@code container-id}): its id,
 * the 12-character short id and the pod name, longest first so that the full id wins over its
 * own prefix.
 *
 * <p>A pod name counts only if it contains a '-', as names made by controllers do
 * ({@code nginx-7d9f}, {@code db-0}): a bare pod named {@code app} is stable across restarts, and
 * replacing it would turn {@code /app} into {@code /*}. Ids shorter than 8 characters are ignored
 * for the same reason.
 */
public record ContainerNames(List<String> names) {

    public static final ContainerNames NONE = new ContainerNames(List.of());

    private static final int SHORT_ID_LENGTH = 12;
    private static final int MIN_ID_LENGTH = 8;
    private static final int MIN_POD_LENGTH = 3;

    public ContainerNames {
        names = List.copyOf(names);
    }

    public static ContainerNames of(@Nullable String containerId, @Nullable String pod) {
        List<String> names = new ArrayList<>(3);
        if (usable(containerId) && containerId.length() >= MIN_ID_LENGTH) {
            names.add(containerId);
            if (containerId.length() > SHORT_ID_LENGTH) {
                names.add(containerId.substring(0, SHORT_ID_LENGTH));
            }
        }
        if (usable(pod) && pod.length() >= MIN_POD_LENGTH && pod.indexOf('-') > 0 && !names.contains(pod)) {
            names.add(pod);
        }
        if (names.isEmpty()) {
            return NONE;
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return new ContainerNames(names);
    }

    /** Rule {@code container-id}: each whole occurrence of a name becomes {@code *}. */
    String replaceIn(String segment) {
        String current = segment;
        for (String name : names) {
            current = replace(current, name);
        }
        return current;
    }

    private static String replace(String segment, String name) {
        int at = segment.indexOf(name);
        if (at < 0) {
            return segment;
        }
        SegmentRewrite rewrite = new SegmentRewrite(segment);
        while (at >= 0) {
            int end = at + name.length();
            boolean whole = (at == 0 || Chars.isBoundary(segment.charAt(at - 1)))
                    && (end == segment.length() || Chars.isBoundary(segment.charAt(end)));
            if (whole) {
                rewrite.wildcard(at, end);
                at = segment.indexOf(name, end);
            } else {
                at = segment.indexOf(name, at + 1);
            }
        }
        return rewrite.result();
    }

    private static boolean usable(String name) {
        return name != null && !name.isBlank() && name.indexOf('/') < 0 && name.indexOf('*') < 0
                && !hasWhitespace(name);
    }

    /** A loop, not a stream: this runs for every event. */
    private static boolean hasWhitespace(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isWhitespace(name.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
