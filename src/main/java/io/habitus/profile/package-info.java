/**
 * Learning and allowlist profiles: observations of learning windows, the lifecycle from
 * LEARNING to ACTIVE, immutable numbered profile versions with provenance and checksum, edits,
 * diffs, rollback, import and export, and the active profile that judges events.
 *
 * <p>Events: {@code LearningFinished} is for listeners after commit (training, the container
 * detector), through the event publication registry; {@code ProfileActivated} only refreshes this
 * replica's cache of active versions, synchronously, once the activation commits.
 *
 * <p>Its API is {@link io.habitus.profile.Profiles}, {@link io.habitus.profile.Learning},
 * {@link io.habitus.profile.ObservationRecorder} and {@link io.habitus.profile.ActiveProfiles} with the
 * records they return and the two events; building, editing and diffing are in {@code internal}.
 */
@NullMarked
package io.habitus.profile;

import org.jspecify.annotations.NullMarked;
