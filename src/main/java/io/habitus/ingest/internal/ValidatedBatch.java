package io.habitus.ingest.internal;

import io.habitus.shared.FieldError;
import java.util.List;

/** The events of a batch split into the valid ones and the reasons for the others. */
public record ValidatedBatch(List<ValidatedEvent> valid, List<FieldError> errors) {}
