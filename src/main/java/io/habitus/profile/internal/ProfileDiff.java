package io.habitus.profile.internal;

import io.habitus.profile.ProfileVersion;
import java.util.List;

/** What changed from one version to another: entries only in {@code to}, and only in {@code from}. */
public record ProfileDiff(ProfileVersion from, ProfileVersion to, List<ProfileEntry> added, List<ProfileEntry> removed) {}
