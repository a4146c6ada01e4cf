package io.habitus.ingest;

import tools.jackson.databind.JsonNode;

/** An event that passed validation, with its position in the batch and the raw JSON to store. */
record ValidatedEvent(int index, RuntimeEvent event, JsonNode raw) {}
