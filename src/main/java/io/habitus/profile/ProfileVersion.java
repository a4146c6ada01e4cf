package io.habitus.profile;

import io.habitus.profile.internal.ProfileSource;
import io.habitus.shared.ImageDigest;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The header of one immutable profile version.
 *
 * @param partial whether the learning window it came from was fed by agents that dropped events
 */
public record ProfileVersion(
        ImageDigest digest, int version, String checksum, ProfileSource source, @Nullable Integer basedOn,
        @Nullable Integer windowNo, boolean partial, @Nullable String comment, Instant createdAt, String createdBy, boolean active, int entryCount) {

    /** The entity tag of this version, for {@code If-Match}. */
    public String etag() {
        return "\"" + version + "-" + checksum.substring(0, 16) + "\"";
    }
}
