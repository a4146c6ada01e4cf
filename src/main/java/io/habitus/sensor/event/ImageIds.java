package io.habitus.sensor.event;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the ids sensors report in the forms container runtimes give them. */
public final class ImageIds {

    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-fA-F]{64})(?![0-9a-fA-F])");
    private static final Pattern RUNTIME_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9.+-]*://");

    private ImageIds() {
    }

    /**
     * The image digest inside an image reference ({@code docker.io/library/nginx@sha256:…},
     * {@code docker-pullable://nginx@sha256:…} or a bare {@code sha256:…}), lower-cased; null when
     * there is none.
     */
    public static @Nullable String digest(@Nullable String imageReference) {
        if (imageReference == null) {
            return null;
        }
        Matcher m = DIGEST.matcher(imageReference);
        return m.find() ? "sha256:" + m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** A container id without its runtime's prefix ({@code containerd://}, {@code docker://}, {@code cri-o://}); null when blank. */
    public static @Nullable String containerId(@Nullable String runtimeId) {
        if (runtimeId == null) {
            return null;
        }
        String id = RUNTIME_PREFIX.matcher(runtimeId.strip()).replaceFirst("");
        return id.isEmpty() ? null : id;
    }
}
