package io.habitus.profile;

import io.habitus.profile.internal.ProfileEntry;
import java.util.List;

/** A profile version with all its entries, sorted by kind and pattern. */
public record Profile(ProfileVersion version, List<ProfileEntry> entries) {

    public Profile {
        entries = List.copyOf(entries);
    }
}
