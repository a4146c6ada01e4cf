package io.habitus.pipeline;

import io.habitus.audit.AuditRecorder;
import io.habitus.behavior.ContainerStates;
import io.habitus.behavior.ObservedTransition;
import io.habitus.incident.ContainerRisk;
import io.habitus.incident.Incidents;
import io.habitus.incident.LearningSequences;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.IngestReceipt;
import io.habitus.ingest.PreparedBatch;
import io.habitus.model.TrainingSamples;
import io.habitus.profile.LearningTransitions;
import io.habitus.profile.ObservationRecorder;
import io.habitus.scoring.Deviation;
import io.habitus.scoring.Judgement;
import io.habitus.scoring.TransitionJudge;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The path of every ingested event, for {@code POST /events} and committed score calls alike. The
 * batch is validated outside the transaction; then one transaction stores it, advances its
 * containers' states, feeds open learning windows (their profiles, training samples and sequence
 * traces), judges the transitions against active profiles and models, records the deviations as
 * audits, and advances each container's evidence, opening incidents where it crosses its image's
 * container threshold. The
 * judgements come back to the caller only after that transaction committed, so an acknowledged
 * event, its state, its learning and its audit are durable together.
 */
@Service
public class EventPipeline {

    private final EventIngestion ingestion;
    private final ContainerStates states;
    private final ObservationRecorder observations;
    private final TrainingSamples samples;
    private final TransitionJudge judge;
    private final AuditRecorder audits;
    private final LearningSequences sequences;
    private final Incidents incidents;
    private final TransactionTemplate transaction;

    EventPipeline(EventIngestion ingestion, ContainerStates states, ObservationRecorder observations,
            TrainingSamples samples, TransitionJudge judge, AuditRecorder audits, LearningSequences sequences,
            Incidents incidents, TransactionTemplate transaction) {
        this.ingestion = ingestion;
        this.states = states;
        this.observations = observations;
        this.samples = samples;
        this.judge = judge;
        this.audits = audits;
        this.sequences = sequences;
        this.incidents = incidents;
        this.transaction = transaction;
    }

    public Processed process(IncomingBatch batch) {
        return ingestion.timed(() -> {
            Optional<IngestReceipt> earlier = ingestion.earlierDelivery(batch.batchId());
            if (earlier.isPresent()) {
                return Processed.duplicate(earlier.get());
            }
            PreparedBatch prepared = ingestion.prepare(batch);
            return transaction.execute(status -> run(prepared));
        });
    }

    private Processed run(PreparedBatch prepared) {
        IngestReceipt receipt = ingestion.store(prepared);
        if (receipt.outcome() == IngestReceipt.Outcome.DUPLICATE) {
            return Processed.duplicate(receipt);
        }
        List<ObservedTransition> transitions = states.advance(prepared.events());
        List<LearningTransitions> learning = observations.record(transitions, prepared.agentDroppedEvents());
        samples.collect(learning);
        sequences.record(learning);
        List<Judgement> judgements = judge.judge(transitions, Set.of());
        audits.record(judgements.stream().filter(Judgement::isDeviation).map(Deviation::of).toList());
        List<ContainerRisk> risks = incidents.assess(judgements);
        return new Processed(receipt, prepared.events(), prepared.acceptedIndexes(), judgements, risks);
    }
}
