package io.habitus.incident.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

@Schema(description = "Why, in a sentence; kept with the incident")
record IncidentActionRequest(@Size(max = 2000) @Nullable String note) {}
