/**
 * Learning and allowlist profiles: observations of learning windows, the lifecycle from
 * LEARNING to ACTIVE, immutable numbered profile versions with provenance and checksum, edits,
 * diffs, rollback, import and export, and the active profile that judges events.
 */
@NullMarked
package io.habitus.profile;

import org.jspecify.annotations.NullMarked;
