package io.habitus.incident.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of incidents, newest first, and the cursor of the next page (null on the last). */
public record IncidentPage(List<Incident> incidents, @Nullable String next) {

    public IncidentPage {
        incidents = List.copyOf(incidents);
    }
}
