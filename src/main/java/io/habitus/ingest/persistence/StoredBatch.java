package io.habitus.ingest.persistence;

import io.habitus.shared.FieldError;
import java.util.List;

/** What the ledger remembers of a batch, to answer a retry exactly like the first delivery. */
public record StoredBatch(String batchId, int accepted, int rejected, List<FieldError> rejections) {}
