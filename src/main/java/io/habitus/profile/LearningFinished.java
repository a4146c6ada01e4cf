package io.habitus.profile;

import io.habitus.shared.ImageDigest;

/** A learning window ended and its profile version is active; published inside that transaction. */
public record LearningFinished(ImageDigest digest, int window, int profileVersion, String by) {}
