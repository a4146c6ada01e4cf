package io.habitus.profile;

import io.habitus.shared.ImageDigest;
import java.time.Instant;

/**
 * A learning window ended and its profile version is active; published inside that transaction, for
 * listeners after commit (training, the container detector), which the event publication registry
 * runs at least once.
 *
 * @param at when it ended: listeners tell a repeat of this event from a later one by it
 */
public record LearningFinished(ImageDigest digest, int window, int profileVersion, String by, Instant at) {}
