/**
 * Learning and allowlist profiles: observations of learning windows, the lifecycle from
 * LEARNING to ACTIVE, immutable numbered profile versions with provenance and checksum, edits,
 * diffs, rollback, import and export, and the active profile that judges events.
 *
 * <p>Events: {@code LearningFinished} is for listeners after commit (training, the container
 * detector), through the event publication registry; {@code ProfileActivated} only refreshes this
 * replica's cache of active versions, synchronously, once the activation commits.
 */
package io.habitus.profile;
