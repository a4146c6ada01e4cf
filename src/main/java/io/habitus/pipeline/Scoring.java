package io.habitus.pipeline;

import io.habitus.behavior.ObservedTransition;
import io.habitus.behavior.PriorState;
import io.habitus.behavior.TransitionPreview;
import io.habitus.image.Images;
import io.habitus.incident.ContainerRisk;
import io.habitus.incident.Incidents;
import io.habitus.ingest.EventIngestion;
import io.habitus.ingest.IncomingBatch;
import io.habitus.ingest.InvalidEventsException;
import io.habitus.ingest.PreparedBatch;
import io.habitus.ingest.RuntimeEvent;
import io.habitus.pipeline.internal.ScoreAnswer;
import io.habitus.pipeline.internal.ScoreCall;
import io.habitus.pipeline.internal.ScoringMetrics;
import io.habitus.scoring.Judgement;
import io.habitus.scoring.TransitionJudge;
import io.habitus.shared.HabitusProblem;
import io.habitus.shared.ProblemType;
import io.habitus.shared.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Synchronous scoring. A committed call goes through the {@link EventPipeline} like an ingest, and
 * its judgements come back in the answer;
 * a what-if advances copies of the states in memory, judges them the same way and changes nothing.
 */
@Service
public class Scoring {

    private final EventPipeline pipeline;
    private final EventIngestion ingestion;
    private final Images images;
    private final TransitionPreview preview;
    private final TransitionJudge judge;
    private final Incidents incidents;
    private final ScoringMetrics metrics;
    private final PipelineSteps steps;

    Scoring(EventPipeline pipeline, EventIngestion ingestion, Images images, TransitionPreview preview,
            TransitionJudge judge, Incidents incidents, ScoringMetrics metrics, PipelineSteps steps) {
        this.pipeline = pipeline;
        this.ingestion = ingestion;
        this.images = images;
        this.preview = preview;
        this.judge = judge;
        this.incidents = incidents;
        this.metrics = metrics;
        this.steps = steps;
    }

    public ScoreAnswer score(ScoreCall call) {
        long started = System.nanoTime();
        ScoreAnswer answer = call.commit() ? commit(call) : whatIf(call);
        metrics.record(answer, System.nanoTime() - started);
        return answer;
    }

    private ScoreAnswer whatIf(ScoreCall call) {
        List<RuntimeEvent> events = ingestion.validateAll(call.events(), call.plainStrings());
        Set<String> unknown = unknownDigests(events, true);
        List<ObservedTransition> transitions;
        long t = System.nanoTime();
        if (call.hasPrior()) {
            requireOneContainer(events);
            transitions = preview.fromPriorState(events, prior(call));
        } else {
            transitions = preview.fromTrackedStates(events);
        }
        t = steps.lap(PipelineSteps.Step.WHAT_IF_STATE, t);
        List<Judgement> judgements = judge.judge(transitions, unknown);
        t = steps.lap(PipelineSteps.Step.WHAT_IF_JUDGE, t);
        List<ContainerRisk> risks = incidents.preview(judgements);
        steps.lap(PipelineSteps.Step.WHAT_IF_EVIDENCE, t);
        return new ScoreAnswer(false, null, false, inRequestOrder(events, judgements, risks,
                IntStream.range(0, events.size()).boxed().toList()), List.of());
    }

    private ScoreAnswer commit(ScoreCall call) {
        if (call.hasPrior()) {
            throw new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "A prior state is only for what-if calls (commit=false): a committed call starts from the tracked state");
        }
        String batchId = call.batchId() != null ? call.batchId() : "score-" + UUID.randomUUID();
        // Validated once: every event must be valid, and the rows are rendered from the same pass.
        PreparedBatch prepared = ingestion.prepareAllValid(new IncomingBatch(batchId, call.agent(), call.events(), call.plainStrings()));
        Set<String> unknown = unknownDigests(prepared.events(), false);
        Processed processed = pipeline.process(prepared);
        if (processed.isDuplicate()) {
            return new ScoreAnswer(true, batchId, true, List.of(), processed.receipt().errors());
        }
        List<Judgement> judgements = processed.judgements().stream()
                .map(j -> unknown.contains(j.transition().digest()) ? asUnknown(j) : j).toList();
        return new ScoreAnswer(true, batchId, false, inRequestOrder(processed.accepted(), judgements, processed.risks(),
                processed.acceptedIndexes()), processed.receipt().errors());
    }

    /** Ingest registered the image before judging; the caller asked about an image nobody knew. */
    private static Judgement asUnknown(Judgement j) {
        return new Judgement(j.transition(), Verdict.UNKNOWN_IMAGE, null, null, null, null, null, null,
                () -> "No image with digest " + j.transition().digest()
                        + " was known; it is registered now and starts learning from these events");
    }

    private PriorState prior(ScoreCall call) {
        if (call.prior() != null && call.priorEvents() != null) {
            throw new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "Give priorState or priorEvents, not both");
        }
        if (call.prior() != null) {
            return call.prior();
        }
        try {
            return new PriorState.Replayed(ingestion.validateAll(call.priorEvents(), call.plainStrings()));
        } catch (InvalidEventsException e) {
            throw new InvalidEventsException("priorEvents", call.priorEvents().size(), e.errors());
        }
    }

    private static void requireOneContainer(List<RuntimeEvent> events) {
        Set<String> containers = new HashSet<>();
        events.forEach(e -> containers.add(e.container().id()));
        if (containers.size() > 1) {
            throw new HabitusProblem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                    "With a prior state all events must be of one container; these name " + containers.size());
        }
    }

    private Set<String> unknownDigests(List<RuntimeEvent> events, boolean whatIf) {
        Set<String> digests = new HashSet<>();
        events.forEach(e -> digests.add(e.container().imageDigest()));
        Set<String> unknown = new HashSet<>(digests);
        unknown.removeAll(images.known(digests, whatIf));
        return unknown;
    }

    /** Judgements come per container in event-time order; the answer lists them as the request did. */
    private static List<ScoreAnswer.Scored> inRequestOrder(List<RuntimeEvent> events, List<Judgement> judgements,
            List<ContainerRisk> risks, List<Integer> requestIndexes) {
        Map<RuntimeEvent, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            index.put(events.get(i), requestIndexes.get(i));
        }
        List<ScoreAnswer.Scored> scored = new ArrayList<>(judgements.size());
        for (int k = 0; k < judgements.size(); k++) {
            Judgement j = judgements.get(k);
            Integer i = index.get(j.transition().event());
            if (i != null) {
                scored.add(new ScoreAnswer.Scored(i, j, risks.get(k)));
            }
        }
        scored.sort(Comparator.comparingInt(ScoreAnswer.Scored::index));
        return scored;
    }
}
