package io.habitus.incident.web;

import io.habitus.incident.internal.Incident;
import io.habitus.incident.internal.IncidentPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "A page of incidents, newest first")
record IncidentPageResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Incident> incidents,
        @Schema(description = "Cursor of the next page; null on the last") @Nullable String nextCursor) {

    static IncidentPageResponse of(IncidentPage page) {
        return new IncidentPageResponse(page.incidents(), page.next());
    }
}
