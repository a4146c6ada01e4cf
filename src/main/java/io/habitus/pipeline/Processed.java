package io.habitus.pipeline;

import io.habitus.ingest.IngestReceipt;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.scoring.Judgement;
import java.util.List;

/**
 * What the pipeline did with a batch, once committed.
 *
 * @param accepted        the events stored, in request order
 * @param acceptedIndexes their positions in the request
 * @param judgements      one per accepted event, per container in event-time order; empty for a duplicate
 */
public record Processed(IngestReceipt receipt, List<RuntimeEvent> accepted, List<Integer> acceptedIndexes,
        List<Judgement> judgements) {

    public Processed {
        accepted = List.copyOf(accepted);
        acceptedIndexes = List.copyOf(acceptedIndexes);
        judgements = List.copyOf(judgements);
        if (accepted.size() != acceptedIndexes.size()) {
            throw new IllegalArgumentException("one request index per accepted event");
        }
    }

    static Processed duplicate(IngestReceipt receipt) {
        return new Processed(receipt, List.of(), List.of(), List.of());
    }

    public boolean isDuplicate() {
        return receipt.outcome() == IngestReceipt.Outcome.DUPLICATE;
    }
}
