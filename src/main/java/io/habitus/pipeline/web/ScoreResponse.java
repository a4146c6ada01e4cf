package io.habitus.pipeline.web;

import io.habitus.behavior.StateSnapshot;
import io.habitus.incident.ContainerRisk;
import io.habitus.pipeline.internal.ScoreAnswer;
import io.habitus.scoring.Judgement;
import io.habitus.scoring.VersionRef;
import io.habitus.shared.FieldError;
import io.habitus.shared.Verdict;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

@Schema(description = "Verdicts of a score call")
record ScoreResponse(
        @Schema(description = "Whether states advanced and deviations were audited") boolean commit,
        @Schema(description = "commit=true: the batchId the events were stored under") @Nullable String batchId,
        @Schema(description = "commit=true: this batchId was already scored; nothing new was judged") boolean duplicate,
        @Schema(description = "One per event, in request order") List<Result> results,
        @Schema(description = "Events refused by ingest after validation passed (rare)") List<FieldError> rejected) {

    @Schema(name = "ScoreResult", description = "One event's verdict and its explanation")
    record Result(
            @Schema(description = "Position in the request's events") int index,
            String containerId,
            String imageDigest,
            Verdict verdict,
            @Schema(description = "The model's normalised score, higher is more normal; null when no model judged",
                    example = "-1.7") @Nullable Double score,
            @Schema(description = "Scores below this are ANOMALOUS unless the transition was learned; null when no model judged",
                    example = "-3.9") @Nullable Double threshold,
            @Schema(description = "Whether the model learned this exact transition (then it is never ANOMALOUS, whatever "
                    + "its score); null when no model judged", example = "false") @Nullable Boolean learned,
            @Schema(description = "The event as the generalised token profiles and models learn",
                    example = "exec /bin/sh <- /usr/sbin/nginx") String token,
            Transition transition,
            @Schema(description = "Profile rules the event broke") List<Violation> violations,
            @Schema(description = "The profile version that judged; null while learning") @Nullable VersionRef profile,
            @Schema(description = "The model version that scored; null when none is active") @Nullable VersionRef model,
            @Schema(description = "The verdict in a sentence") String explanation,
            @Schema(description = "The container's evidence and incident right after this event; null while its image "
                    + "has no container detector (learning, unknown)") @Nullable ContainerRisk container) {}

    @Schema(name = "ScoredTransition",
            description = "The transition scored: state before, event, state after, and the process that acted. "
                    + "Answers to AGENT tokens carry the event only: before, after and actor are null")
    record Transition(
            @Schema(description = "The container's state before the event; null for AGENT callers") @Nullable State before,
            @Schema(description = "The event's token") String event,
            @Schema(description = "The container's state after the event; null for AGENT callers") @Nullable State after,
            @Schema(description = "The process that acted; null for AGENT callers") @Nullable Actor actor) {}

    @Schema(name = "ScoredActor",
            description = "The process that performed the event (its executable <- its parent's) and its own last "
                    + "tokens before it, oldest first")
    record Actor(@Schema(example = "/usr/sbin/nginx <- /usr/sbin/nginx") String process,
            @Schema(example = "[\"accept tcp/80\", \"read /var/www/*\"]") List<String> recentTokens) {}

    @Schema(name = "TransitionState",
            description = "A container state: executables of live processes and the last tokens, oldest first")
    record State(List<String> processes, List<String> recentTokens) {
        static State of(StateSnapshot s) {
            return new State(s.processes(), s.recentTokens());
        }
    }

    @Schema(name = "RuleViolation", description = "A broken profile rule")
    record Violation(@Schema(example = "PROCESS") String kind, String value, String reason) {}

    /**
     * @param withState whether the answer may show container state (the transition's before and after, the
     *     acting process, and explanations that name them): not to agents, whose tokens would otherwise read
     *     what any container is doing
     */
    static ScoreResponse of(ScoreAnswer answer, boolean withState) {
        return new ScoreResponse(answer.commit(), answer.batchId(), answer.duplicate(),
                answer.results().stream().map(s -> result(s, withState)).toList(), answer.rejected());
    }

    private static Result result(ScoreAnswer.Scored scored, boolean withState) {
        Judgement j = scored.judgement();
        var t = j.transition();
        List<Violation> violations = j.breach() == null ? List.of()
                : List.of(new Violation(j.breach().kind().name(), j.breach().value(), j.breach().reason()));
        return new Result(scored.index(), t.containerId(), t.digest(), j.verdict(), j.score(), j.threshold(), j.learned(),
                t.tokens().token().text(), withState
                        ? new Transition(State.of(t.before()), t.tokens().token().text(), State.of(t.after()),
                                new Actor(t.actor().process(), t.actor().recentTokens()))
                        : new Transition(null, t.tokens().token().text(), null, null),
                violations, j.profile(), j.model(),
                withState ? j.explanation() : AgentExplanations.of(j, t.tokens().token().text()), scored.container());
    }
}
