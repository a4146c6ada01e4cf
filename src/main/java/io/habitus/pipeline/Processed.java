package io.habitus.pipeline;

import io.habitus.incident.ContainerRisk;
import io.habitus.ingest.IngestReceipt;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.scoring.Judgement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the pipeline did with a batch, once committed.
 *
 * @param accepted        the events stored, in request order
 * @param acceptedIndexes their positions in the request
 * @param judgements      one per accepted event, per container in event-time order; empty for a duplicate
 * @param risks           the container's risk after each judged event, in the judgements' order (null
 *                        entries where no container detector judges the image)
 */
public record Processed(IngestReceipt receipt, List<RuntimeEvent> accepted, List<Integer> acceptedIndexes,
        List<Judgement> judgements, List<ContainerRisk> risks) {

    public Processed {
        accepted = List.copyOf(accepted);
        acceptedIndexes = List.copyOf(acceptedIndexes);
        judgements = List.copyOf(judgements);
        risks = Collections.unmodifiableList(new ArrayList<>(risks));
        if (judgements.size() != risks.size()) {
            throw new IllegalArgumentException("one risk entry per judgement");
        }
        if (accepted.size() != acceptedIndexes.size()) {
            throw new IllegalArgumentException("one request index per accepted event");
        }
    }

    static Processed duplicate(IngestReceipt receipt) {
        return new Processed(receipt, List.of(), List.of(), List.of(), List.of());
    }

    public boolean isDuplicate() {
        return receipt.outcome() == IngestReceipt.Outcome.DUPLICATE;
    }
}
