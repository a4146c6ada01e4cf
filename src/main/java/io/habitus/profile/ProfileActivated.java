package io.habitus.profile;

import io.habitus.shared.ImageDigest;

/** A profile version now judges its image's events. */
public record ProfileActivated(ImageDigest digest, int version, String checksum, String activatedBy) {}
