package io.habitus.behavior;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of generalisation; docs/generalisation.md explains each value.
 *
 * @param ephemeralPortFrom first port of the ephemeral range (Linux default 32768)
 * @param ephemeralPortTo last port of the ephemeral range, inclusive
 * @param directoryChildrenThreshold a directory with more distinct direct children than this
 *     collapses into {@code <dir>/**} when a profile is built
 * @param directoryThresholds thresholds for the directories under a path prefix, longest prefix
 *     wins; keys are absolute directory paths and must be bound with brackets to keep their
 *     slashes: {@code habitus.generalisation.directory-thresholds.[/var/cache/]=20}
 */
@Validated
@ConfigurationProperties("habitus.generalisation")
public record GeneralisationProperties(
        @Min(0) @Max(65535) @DefaultValue("32768") int ephemeralPortFrom,
        @Min(0) @Max(65535) @DefaultValue("65535") int ephemeralPortTo,
        @Min(1) @DefaultValue("50") int directoryChildrenThreshold,
        @DefaultValue Map<String, Integer> directoryThresholds) {

    public GeneralisationProperties {
        if (ephemeralPortFrom > ephemeralPortTo) {
            throw new IllegalArgumentException("ephemeral-port-from (" + ephemeralPortFrom
                    + ") must not be above ephemeral-port-to (" + ephemeralPortTo + ")");
        }
        Map<String, Integer> thresholds = new TreeMap<>();
        if (directoryThresholds != null) {
            directoryThresholds.forEach((prefix, threshold) -> thresholds.put(directoryKey(prefix), threshold(prefix, threshold)));
        }
        directoryThresholds = Map.copyOf(thresholds);
    }

    /** The defaults, as if nothing were configured. */
    public static GeneralisationProperties defaults() {
        return new GeneralisationProperties(32768, 65535, 50, Map.of());
    }

    public boolean isEphemeral(int port) {
        return port >= ephemeralPortFrom && port <= ephemeralPortTo;
    }

    /**
     * The children threshold of {@code directory}: that of the longest configured prefix that
     * names it or a directory above it, else the general one.
     */
    public int thresholdFor(String directory) {
        String asPrefix = directory.endsWith("/") ? directory : directory + "/";
        String best = null;
        for (String prefix : directoryThresholds.keySet()) {
            if (asPrefix.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? directoryChildrenThreshold : directoryThresholds.get(best);
    }

    /** Keys name directories; "/var/cache" and "/var/cache/" mean the same, and neither "/var/cachex". */
    private static String directoryKey(String prefix) {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("directory-thresholds keys must be absolute directories such as"
                    + " [/var/cache/] (in brackets, or Spring drops the slashes), not '" + prefix + "'");
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    private static int threshold(String prefix, Integer threshold) {
        if (threshold == null || threshold < 1) {
            throw new IllegalArgumentException("directory-thresholds[" + prefix + "] must be at least 1, not " + threshold);
        }
        return threshold;
    }
}
