package io.habitus.pipeline;

import io.habitus.alert.AlertOutbox;
import io.habitus.audit.AuditRecorder;
import io.habitus.audit.OpenedAudit;
import io.habitus.behavior.ContainerStates;
import io.habitus.behavior.ObservedTransition;
import io.habitus.incident.ContainerAssessment;
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
import io.habitus.ingest.RuntimeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The path of every ingested event, for {@code POST /events} and committed score calls alike. The
 * batch is validated outside the transaction; then one transaction stores it, advances its
 * containers' states, feeds open learning windows (their profiles, training samples and sequence
 * traces), judges the transitions against active profiles and models, records the deviations as
 * audits, advances each container's evidence, opening incidents where it crosses its image's
 * container threshold, and queues the alerts of new audits and incidents in the outbox. The
 * judgements come back to the caller only after that transaction committed, so an acknowledged
 * event, its state, its learning and its audit are durable together. Concurrent small batches
 * (agents' committed score calls) share that transaction: {@link GroupCommit}.
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
    private final AlertOutbox alerts;
    private final GroupCommit<PreparedBatch, Processed> groups;
    private final PipelineSteps steps;
    private final int groupBatchEvents;

    EventPipeline(EventIngestion ingestion, ContainerStates states, ObservationRecorder observations,
            TrainingSamples samples, TransitionJudge judge, AuditRecorder audits, LearningSequences sequences,
            Incidents incidents, AlertOutbox alerts, TransactionTemplate transaction, PipelineProperties properties, PipelineSteps steps) {
        this.ingestion = ingestion;
        this.states = states;
        this.observations = observations;
        this.samples = samples;
        this.judge = judge;
        this.audits = audits;
        this.sequences = sequences;
        this.incidents = incidents;
        this.alerts = alerts;
        this.groupBatchEvents = properties.groupBatchEvents();
        // Batches over group-batch-events weigh a whole group: they commit alone, at once.
        this.groups = new GroupCommit<>(transaction, this::run, EventPipeline::keys,
                b -> b.events().size() > groupBatchEvents ? properties.groupEvents() : b.events().size(),
                properties.groupCommits(), properties.groupEvents(), nanos -> steps.record(PipelineSteps.Step.COMMIT, nanos));
        this.steps = steps;
    }

    /**
     * A retried batch is answered as a duplicate either way: a large one is looked up in the ledger
     * first, which spares validating and rendering it again; a small one finds its earlier delivery
     * when its group claims the batchId, as the lookup would cost a database round trip per request
     * (most of all on the path of agents that send one event per call).
     */
    public Processed process(IncomingBatch batch) {
        return ingestion.timed(() -> {
            if (batch.events().size() > groupBatchEvents) {
                Optional<IngestReceipt> earlier = ingestion.earlierDelivery(batch.batchId());
                if (earlier.isPresent()) {
                    return Processed.duplicate(earlier.get());
                }
            }
            return groups.commit(ingestion.prepare(batch));
        });
    }

    /** A batch the caller prepared (validated and rendered) itself: a committed score call's. A retry is found by its group. */
    public Processed process(PreparedBatch prepared) {
        return ingestion.timed(() -> groups.commit(prepared));
    }

    /** The steps, in the group's transaction, for all of its batches at once; one answer per batch. */
    private List<Processed> run(List<PreparedBatch> group) {
        steps.group(group.size());
        long t = System.nanoTime();
        List<IngestReceipt> receipts = ingestion.storeAll(group);
        t = steps.lap(PipelineSteps.Step.STORE, t);
        List<PreparedBatch> stored = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            if (receipts.get(i).outcome() == IngestReceipt.Outcome.STORED) {
                stored.add(group.get(i));
            }
        }
        List<ObservedTransition> transitions = states.advance(stored.stream().flatMap(b -> b.events().stream()).toList());
        t = steps.lap(PipelineSteps.Step.STATE, t);
        List<LearningTransitions> learning = learn(transitions, stored);
        samples.collect(learning);
        sequences.record(learning);
        t = steps.lap(PipelineSteps.Step.LEARN, t);
        List<Judgement> judgements = judge.judge(transitions, Set.of());
        t = steps.lap(PipelineSteps.Step.JUDGE, t);
        List<OpenedAudit> opened = audits.record(judgements.stream().filter(Judgement::isDeviation).map(Deviation::of).toList());
        t = steps.lap(PipelineSteps.Step.AUDIT, t);
        ContainerAssessment assessment = incidents.assess(judgements);
        t = steps.lap(PipelineSteps.Step.EVIDENCE, t);
        alerts.queue(opened, assessment.raised());
        steps.lap(PipelineSteps.Step.ALERT, t);
        return answers(group, receipts, judgements, assessment.risks());
    }

    /** Each batch's judgements and risks: its events' (a group's batches share no container, so per container order holds). */
    private static List<Processed> answers(List<PreparedBatch> group, List<IngestReceipt> receipts, List<Judgement> judgements,
            List<ContainerRisk> risks) {
        Map<RuntimeEvent, Integer> batchOf = new IdentityHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            for (RuntimeEvent event : group.get(i).events()) {
                batchOf.put(event, i);
            }
        }
        List<List<Judgement>> judged = new ArrayList<>(group.size());
        List<List<ContainerRisk>> risked = new ArrayList<>(group.size());
        group.forEach(b -> {
            judged.add(new ArrayList<>(b.events().size()));
            risked.add(new ArrayList<>(b.events().size()));
        });
        for (int k = 0; k < judgements.size(); k++) {
            int batch = batchOf.get(judgements.get(k).transition().event());
            judged.get(batch).add(judgements.get(k));
            risked.get(batch).add(risks.get(k));
        }
        List<Processed> answers = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            PreparedBatch prepared = group.get(i);
            IngestReceipt receipt = receipts.get(i);
            answers.add(receipt.outcome() == IngestReceipt.Outcome.DUPLICATE ? Processed.duplicate(receipt)
                    : new Processed(receipt, prepared.events(), prepared.acceptedIndexes(), judged.get(i), risked.get(i)));
        }
        return answers;
    }

    /** Feeds learning windows; those fed by an agent that lost events become partial, the others' do not. */
    private List<LearningTransitions> learn(List<ObservedTransition> transitions, List<PreparedBatch> stored) {
        Set<RuntimeEvent> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        stored.stream().filter(PreparedBatch::agentDroppedEvents).forEach(b -> dropped.addAll(b.events()));
        if (dropped.isEmpty()) {
            return observations.record(transitions, false);
        }
        List<ObservedTransition> complete = transitions.stream().filter(t -> !dropped.contains(t.event())).toList();
        List<LearningTransitions> learning = new ArrayList<>(complete.isEmpty() ? List.of() : observations.record(complete, false));
        learning.addAll(observations.record(transitions.stream().filter(t -> dropped.contains(t.event())).toList(), true));
        return learning;
    }

    /** What two batches of one group may not share: their containers, and their batchId. */
    private static Set<String> keys(PreparedBatch batch) {
        Set<String> keys = new HashSet<>();
        keys.add("batch:" + batch.batchId());
        batch.events().forEach(e -> keys.add("container:" + e.container().id()));
        return keys;
    }
}
