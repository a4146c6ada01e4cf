package io.habitus.incident.persistence;

import io.habitus.incident.internal.IncidentStanding;
import org.jspecify.annotations.Nullable;

/**
 * A container's evidence row and where its incident stands, read together: one round trip per batch
 * instead of two (the incident's standing is needed for every judged container that has one).
 *
 * @param incident the row's incident, as stored with it (null: none, or no longer stored)
 */
public record StoredEvidence(EvidenceRow row, @Nullable IncidentStanding incident) {}
