package io.habitus.ingest.internal;

import io.habitus.ingest.RuntimeEvent;
import tools.jackson.databind.JsonNode;

/** An event that passed validation, with its position in the batch and the raw JSON to store. */
public record ValidatedEvent(int index, RuntimeEvent event, JsonNode raw) {}
